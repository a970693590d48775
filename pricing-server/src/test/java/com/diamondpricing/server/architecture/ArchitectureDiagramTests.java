package com.diamondpricing.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package graph of {@code docs/architecture.md} ("Packages of pricing-server") is the graph of
 * the code: every edge {@code a --> b} is a use of package {@code b} by package {@code a} in the
 * compiled main classes, and every such use is an edge. A missing or a stale edge fails with the
 * block to paste in its place.
 */
class ArchitectureDiagramTests {

  static final Path DOC = Path.of("../docs/architecture.md");
  static final String START = "<!-- package-graph:start -->";
  static final String END = "<!-- package-graph:end -->";
  static final Pattern EDGE = Pattern.compile("^\\s*([a-z]+) --> ([a-z]+)\\s*$", Pattern.MULTILINE);

  @Test
  void theDiagramDrawsEveryPackageDependencyAndNoOther() throws IOException {
    Set<String> actual = packageEdges();
    Set<String> drawn = drawnEdges(Files.readString(DOC));
    assertThat(drawn)
        .as(
            "the edges between %s and %s in docs/architecture.md; the code's graph is:%n%s",
            START, END, block(actual))
        .isEqualTo(actual);
  }

  /** Each use of one top package of the server by another, as "from --> to". */
  static Set<String> packageEdges() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ServerArchitectureTests.ROOT);
    Set<String> edges = new TreeSet<>();
    for (JavaClass c : classes) {
      String from = ServerArchitectureTests.topPackage(c);
      if (from.isEmpty()) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = ServerArchitectureTests.topPackage(d.getTargetClass());
        if (!to.isEmpty() && !to.equals(from)) {
          edges.add(from + " --> " + to);
        }
      }
    }
    return edges;
  }

  static Set<String> drawnEdges(String doc) {
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as("%s in docs/architecture.md", START).isNotNegative();
    assertThat(end).as("%s after it", END).isGreaterThan(start);
    Matcher m = EDGE.matcher(doc.substring(start, end));
    Set<String> edges = new TreeSet<>();
    while (m.find()) {
      edges.add(m.group(1) + " --> " + m.group(2));
    }
    return edges;
  }

  static String block(Set<String> edges) {
    return "```mermaid\nflowchart TD\n"
        + edges.stream().map(e -> "  " + e).collect(Collectors.joining("\n"))
        + "\n```";
  }
}
