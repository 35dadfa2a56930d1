package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What a user sees when the extension is misused: runs small test classes on the JUnit launcher. */
class FakeAwsExtensionMisuseTest {

  private static final String LAUNCHED = "fakeaws.misuse.launched";

  /** The scenario classes below run only on this test's launcher, never on their own (IDE, -Dtest patterns). */
  static final class OnlyLaunchedByThisTest implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(LAUNCHED).isPresent()
          ? ConditionEvaluationResult.enabled("launched by FakeAwsExtensionMisuseTest")
          : ConditionEvaluationResult.disabled("a scenario of FakeAwsExtensionMisuseTest");
    }
  }

  @Test
  void aBadAnnotationValue_failsTheTest_namingTheAnnotationAndTheValue() {
    List<Throwable> failures = run(BadAccountId.class);

    assertThat(failures).singleElement().isInstanceOfSatisfying(ParameterResolutionException.class, e ->
        assertThat(e).hasMessageContaining("@FakeAwsConfig on").hasMessageContaining("BadAccountId.usesTheFake")
            .hasMessageEndingWith("an AWS account id has 12 digits: 42"));
  }

  @Test
  void aNegativePropagationTime_isRefused() {
    assertThat(run(NegativePropagation.class)).singleElement()
        .isInstanceOfSatisfying(ParameterResolutionException.class, e -> assertThat(e)
            .hasMessageContaining("@FakeAwsConfig on class").hasMessageEndingWith("before it changes: PT-5S"));
  }

  @Test
  void aNegativeV2Quota_isRefused_namingTheAnnotation() {
    assertThat(run(NegativeV2Quota.class)).singleElement()
        .isInstanceOfSatisfying(ParameterResolutionException.class, e -> assertThat(e)
            .hasMessageContaining("@FakeAwsConfig on class").hasMessageEndingWith("a quota is zero or more: 3, -2, 10, 25, 20, 100"));
  }

  @Test
  void aV2FacadeInAConstructor_isRefused_namingIt() {
    assertThat(run(V2ConstructorInjection.class)).singleElement()
        .isInstanceOfSatisfying(ParameterResolutionException.class,
            e -> assertThat(e).hasMessageContaining("ask for ChannelCdnV2 in a test, @BeforeEach or @AfterEach method"));
  }

  @Test
  void aFakeInAConstructorOrBeforeAll_isRefused_becauseItWouldOutliveTheTest() {
    assertThat(run(ConstructorInjection.class)).singleElement()
        .isInstanceOfSatisfying(ParameterResolutionException.class,
            e -> assertThat(e).hasMessageContaining("each test its own fake account"));
    assertThat(run(BeforeAllInjection.class)).singleElement()
        .isInstanceOfSatisfying(ParameterResolutionException.class,
            e -> assertThat(e).hasMessageContaining("@BeforeEach"));
  }

  /** The failures of running {@code testClass}, in order. */
  private static List<Throwable> run(Class<?> testClass) {
    List<Throwable> failures = new ArrayList<>();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
            .configurationParameter(LAUNCHED, "true").build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            result.getThrowable().ifPresent(failures::add);
          }
        });
    return failures;
  }

  @ExtendWith({OnlyLaunchedByThisTest.class, FakeAwsExtension.class})
  static class BadAccountId {
    @Test
    @FakeAwsConfig(accountId = "42")
    void usesTheFake(FakeAws aws) {
      assertThat(aws).isNotNull();
    }
  }

  @ExtendWith({OnlyLaunchedByThisTest.class, FakeAwsExtension.class})
  @FakeAwsConfig(propagationSeconds = -5)
  static class NegativePropagation {
    @Test
    void usesTheFake(FakeAws aws) {
      assertThat(aws).isNotNull();
    }
  }

  @ExtendWith({OnlyLaunchedByThisTest.class, FakeAwsExtension.class})
  @FakeAwsConfig(maxChannelsPerGroup = -2)
  static class NegativeV2Quota {
    @Test
    void usesTheFake(FakeAws aws) {
      assertThat(aws).isNotNull();
    }
  }

  @ExtendWith({OnlyLaunchedByThisTest.class, FakeAwsExtension.class})
  static class V2ConstructorInjection {
    private final io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2 cdn;

    V2ConstructorInjection(io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2 cdn) {
      this.cdn = cdn;
    }

    @Test
    void usesTheFacade() {
      assertThat(cdn).isNotNull();
    }
  }

  @ExtendWith({OnlyLaunchedByThisTest.class, FakeAwsExtension.class})
  static class ConstructorInjection {
    private final FakeAws aws;

    ConstructorInjection(FakeAws aws) {
      this.aws = aws;
    }

    @Test
    void usesTheFake() {
      assertThat(aws).isNotNull();
    }
  }

  @ExtendWith({OnlyLaunchedByThisTest.class, FakeAwsExtension.class})
  static class BeforeAllInjection {
    @BeforeAll
    static void setUp(FakeAws aws) {
      assertThat(aws).isNotNull();
    }

    @Test
    void usesTheFake() {}
  }
}
