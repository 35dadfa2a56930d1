package io.github.mediapackagecdn.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
 * The adapter's shape, on its main classes only: one public entry point ({@link AwsChannelCdn}, with its nested
 * builder), every port implementation package-private behind it, no dependency on the testkit, no package cycles.
 */
@AnalyzeClasses(packages = "io.github.mediapackagecdn.aws", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Guards the rules below against passing vacuously: they see the main classes, and no test class. */
  @ArchTest
  static void import_whenAnalysed_holdsMainClassesButNoTests(JavaClasses classes) {
    assertThat(classes.stream().map(JavaClass::getName))
        .contains(AwsChannelCdn.class.getName(), AwsChannelCdn.Builder.class.getName(),
            "io.github.mediapackagecdn.aws.CloudFrontDistributions",
            "io.github.mediapackagecdn.aws.MediaPackageChannels")
        .doesNotContain(ArchitectureTest.class.getName(), WireMockAws.class.getName());
  }

  @ArchTest
  static final ArchRule publicTypes_whenTopLevel_areAwsChannelCdnOnly = classes()
      .that().resideInAPackage("io.github.mediapackagecdn.aws..")
      .and().areTopLevelClasses()
      .and().arePublic()
      .should().haveFullyQualifiedName(AwsChannelCdn.class.getName())
      .because("the adapter's API is AwsChannelCdn; the port implementations stay package-private behind it");

  @ArchTest
  static final ArchRule publicNestedTypes_whenAny_areAwsChannelCdns = classes()
      .that().resideInAPackage("io.github.mediapackagecdn.aws..")
      .and().areNestedClasses()
      .and().arePublic()
      .should().beNestedClasses().andShould().haveNameMatching("\\Q" + AwsChannelCdn.class.getName() + "$\\E.*")
      .allowEmptyShould(true)
      .because("a public nested type is part of the API only inside AwsChannelCdn (its Builder)");

  @ArchTest
  static final ArchRule adapter_whenImported_dependsOnNoTestkit = noClasses()
      .that().resideInAPackage("io.github.mediapackagecdn.aws..")
      .should().dependOnClassesThat().resideInAnyPackage("io.github.mediapackagecdn.testkit..", "org.junit..",
          "com.github.tomakehurst..")
      .because("the testkit and WireMock are test-scope dependencies of the adapter");

  @ArchTest
  static final ArchRule packages_whenSliced_areFreeOfCycles = slices()
      .matching("io.github.mediapackagecdn.(**)")
      .should().beFreeOfCycles();
}
