package com.diamondpricing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The ML library's rules, on its compiled classes (tests left out): a plain library (no Spring, no
 * SQL, no servlet), only the xgboost model type touches xgboost4j, and no package cycles.
 */
@AnalyzeClasses(
    packages = "com.diamondpricing",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class LibraryArchitectureTests {

  @ArchTest
  static final ArchRule aPlainLibrary =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..")
          .because("pricing-ml is used by the server, the command line and the benchmarks alike");

  @ArchTest
  static final ArchRule onlyTheXgboostModelTypeImportsXgboost4j =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.diamondpricing.model.xgboost..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ml.dmlc..");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.diamondpricing.(**)").should().beFreeOfCycles();
}
