package com.diamondpricing.server.cli;

import picocli.CommandLine;

/** The version printed by {@code diamonds --version}: the jar's own. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = DiamondsCli.class.getPackage().getImplementationVersion();
    return new String[] {"diamonds " + (v == null ? "development build" : v)};
  }
}
