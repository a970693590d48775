package com.diamondpricing.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.system.EnvironmentNames;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the service (each component of a {@code @ConfigurationProperties} record, nested
 * records followed) has its row in the README's settings table, and so has every environment
 * variable that sets one.
 */
class SettingsTableTests {

  static final Path README = Path.of("../README.md");

  @Test
  void everySettingHasItsRow() throws IOException {
    String table = settingsTable();
    Set<String> settings = settings();
    assertThat(settings)
        .as("settings found (the records are still read)")
        .hasSizeGreaterThan(40)
        .contains("diamonds.home", "diamonds.admin-token", "diamonds.request-log.enabled");
    List<String> missing = settings.stream().filter(s -> !table.contains("`" + s + "`")).toList();
    assertThat(missing).as("settings missing from the README's settings table").isEmpty();
  }

  @Test
  void everyEnvironmentVariableHasItsRowWithItsSetting() throws IOException {
    String table = settingsTable();
    EnvironmentNames.SETTINGS.forEach(
        (variable, setting) ->
            assertThat(table.lines().filter(l -> l.contains("`" + variable + "`")))
                .as("the row of %s names %s", variable, setting)
                .anyMatch(l -> l.contains("`" + setting + "`")));
  }

  /** The README's "Settings" section. */
  static String settingsTable() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Settings");
    assertThat(start).as("a Settings section in the README").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** Every setting's full name, e.g. {@code diamonds.training.trials}. */
  static Set<String> settings() {
    Set<String> names = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ServerArchitectureTests.ROOT)) {
      if (c.isAnnotatedWith(ConfigurationProperties.class)) {
        Class<?> type = c.reflect();
        ConfigurationProperties p = type.getAnnotation(ConfigurationProperties.class);
        String prefix = p.prefix().isEmpty() ? p.value() : p.prefix();
        collect(prefix, type, names);
      }
    }
    return names;
  }

  private static void collect(String prefix, Class<?> type, Set<String> names) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + "." + kebab(component.getName());
      Class<?> value = component.getType();
      if (value.isRecord() && value.getEnclosingClass() == type) {
        collect(name, value, names);
      } else {
        names.add(name);
      }
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
