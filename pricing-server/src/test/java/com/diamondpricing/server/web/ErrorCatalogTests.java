package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md lists every problem code the server can answer and every run error code: the codes
 * are collected from the sources where problems are declared.
 */
class ErrorCatalogTests {

  static final Path SOURCES = Path.of("src/main/java/com/diamondpricing/server");
  static final Path CATALOGUE = Path.of("../docs/errors.md");

  /** Where a code is declared: problem factories, feature exceptions, constants. */
  static final List<Pattern> DECLARATIONS =
      List.of(
          Pattern.compile(
              "(?:Problems\\.of|Problem\\.of|super)\\(\\s*(?:HttpStatus|Problem\\.Kind)\\.\\w+,\\s*\"([a-z]+(?:-[a-z]+)*)\""),
          Pattern.compile("ProblemWriter\\.problem\\(\\s*\\d+,\\s*\"([a-z]+(?:-[a-z]+)*)\""),
          Pattern.compile("static final String (?:[A-Z_]+) = \"([a-z]+(?:-[a-z]+)*)\";(?=[^\\n]*)"),
          Pattern.compile("return \"([a-z]+(?:-[a-z]+)*)\";"));

  /** The files whose string constants are codes. */
  static final Set<String> CONSTANT_HOLDERS =
      Set.of(
          "Problem.java",
          "Problems.java",
          "ProblemResponses.java",
          "RunError.java",
          "SpringProblems.java");

  @Test
  void everyDeclaredCodeIsListed() throws IOException {
    Set<String> codes = declaredCodes();
    assertThat(codes)
        .as("codes found in the sources (the patterns still match)")
        .hasSizeGreaterThanOrEqualTo(20)
        .contains("invalid-parameter", "model-not-found", "rejected-request", "lease-lost");
    String catalogue = Files.readString(CATALOGUE);
    for (String code : codes) {
      assertThat(catalogue).as("docs/errors.md lists %s", code).contains("| `" + code + "` |");
    }
  }

  static Set<String> declaredCodes() throws IOException {
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        boolean constants = CONSTANT_HOLDERS.contains(file.getFileName().toString());
        for (int i = 0; i < DECLARATIONS.size(); i++) {
          if (i >= 2 && !constants) {
            continue;
          }
          Matcher m = DECLARATIONS.get(i).matcher(text);
          while (m.find()) {
            codes.add(m.group(1));
          }
        }
      }
    }
    codes.remove(Problems.CODE);
    return codes;
  }
}
