package io.github.mediapackagecdn.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The testkit's shape, on its main classes only: it fakes AWS through core's ports, so it never needs the adapter or
 * the AWS SDK (a user's tests get neither from it), and its packages are free of cycles.
 */
@AnalyzeClasses(packages = "io.github.mediapackagecdn.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Guards the rules below against passing vacuously: they see the main classes, and no test class. */
  @ArchTest
  static void import_whenAnalysed_holdsMainClassesButNoTests(JavaClasses classes) {
    assertThat(classes.stream().map(JavaClass::getName))
        .contains(FakeAws.class.getName(), "io.github.mediapackagecdn.testkit.contract.ChannelsContract",
            "io.github.mediapackagecdn.testkit.assertions.CdnAssertions")
        .doesNotContain(ArchitectureTest.class.getName(), InMemoryChannelsContractTest.class.getName());
  }

  @ArchTest
  static final ArchRule testkit_whenImported_dependsOnNeitherAdapterNorSdk = noClasses()
      .that().resideInAPackage("io.github.mediapackagecdn.testkit..")
      .should().dependOnClassesThat().resideInAnyPackage("io.github.mediapackagecdn.aws..", "software.amazon..")
      .because("the testkit fakes AWS behind core's ports; users test without the adapter or the SDK");

  @ArchTest
  static final ArchRule packages_whenSliced_areFreeOfCycles = slices()
      .matching("io.github.mediapackagecdn.(**)")
      .should().beFreeOfCycles();
}
