package io.github.mediapackagecdn.core.v2.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointPoliciesTest {

  private static final String ENDPOINT =
      "arn:aws:mediapackagev2:us-west-2:123456789012:channelGroup/live/channel/news/originEndpoint/hls";
  private static final String DISTRIBUTION = "arn:aws:cloudfront::123456789012:distribution/E1";
  private static final String USERS = "{\"Sid\":\"Partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
      + "\"arn:aws:iam::210987654321:root\"},\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"" + ENDPOINT
      + "\",\"Condition\":{\"NumericLessThan\":{\"x\":1.50}}}";

  @Test
  void noPolicy_becomesOneWithTheLibrarysStatementOnly() {
    String merged = EndpointPolicies.merged(Optional.empty(), ENDPOINT, DISTRIBUTION).orElseThrow();

    Map<?, ?> document = (Map<?, ?>) Json.parse(merged);
    assertThat(document.get("Version")).isEqualTo("2012-10-17");
    List<?> statements = (List<?>) document.get("Statement");
    assertThat(statements).singleElement().isEqualTo(Json.parse(Json.write(
        EndpointPolicies.statement(ENDPOINT, DISTRIBUTION))));
    Map<?, ?> statement = (Map<?, ?>) statements.get(0);
    assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
    assertThat(statement.get("Action")).isEqualTo(List.of("mediapackagev2:GetObject", "mediapackagev2:GetHeadObject"));
    assertThat(statement.get("Resource")).isEqualTo(ENDPOINT);
    assertThat(statement.get("Condition"))
        .isEqualTo(Map.of("StringEquals", Map.of("aws:SourceArn", DISTRIBUTION)));
  }

  @Test
  void theUsersStatements_areKeptAsWritten_inOrder_oursAppended() {
    String existing = "{\"Version\":\"2012-10-17\",\"Id\":\"mine\",\"Statement\":[" + USERS + "]}";

    String merged = EndpointPolicies.merged(Optional.of(existing), ENDPOINT, DISTRIBUTION).orElseThrow();

    assertThat(merged).startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"mine\",\"Statement\":[" + USERS + ",");
    assertThat(merged).contains("1.50"); // numbers kept as written
  }

  @Test
  void aSingleStatementObject_isKept_andMerged() {
    String merged = EndpointPolicies.merged(Optional.of("{\"Statement\":" + USERS + "}"), ENDPOINT, DISTRIBUTION)
        .orElseThrow();

    assertThat((List<?>) ((Map<?, ?>) Json.parse(merged)).get("Statement")).hasSize(2);
  }

  @Test
  void aPolicyWithTheStatement_isUnchanged_andAnOldOneIsReplacedInPlace() {
    String once = EndpointPolicies.merged(Optional.of("{\"Statement\":[" + USERS + "]}"), ENDPOINT, DISTRIBUTION)
        .orElseThrow();

    assertThat(EndpointPolicies.merged(Optional.of(once), ENDPOINT, DISTRIBUTION)).isEmpty();
    String moved = EndpointPolicies.merged(Optional.of(once), ENDPOINT, DISTRIBUTION + "2").orElseThrow();
    List<?> statements = (List<?>) ((Map<?, ?>) Json.parse(moved)).get("Statement");
    assertThat(statements).hasSize(2);
    assertThat(moved).contains(DISTRIBUTION + "2").doesNotContain(DISTRIBUTION + "\"");
  }

  @Test
  void aPublicStatement_isRefused_neverWritten() {
    String open = "{\"Statement\":[{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"*\"}]}";
    String openAws = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"*\"}}";

    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of(open), ENDPOINT, DISTRIBUTION))
        .isInstanceOf(ValidationException.class).hasMessageContaining("[Open]").hasMessageContaining("public");
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of(openAws), ENDPOINT, DISTRIBUTION))
        .isInstanceOf(ValidationException.class).hasMessageContaining("(no Sid)");
  }

  @Test
  void aDenyForEveryone_orAConditionedOne_isNotPublic() {
    String deny = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":"
        + "false}}}]}";

    assertThat(EndpointPolicies.merged(Optional.of(deny), ENDPOINT, DISTRIBUTION)).isPresent();
  }

  @Test
  void notAPolicy_isAValidationError() {
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of("[]"), ENDPOINT, DISTRIBUTION))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of("{\"Statement\":1}"), ENDPOINT, DISTRIBUTION))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of("{\"Statement\":[}"), ENDPOINT, DISTRIBUTION))
        .isInstanceOf(ValidationException.class).hasMessageContaining("not valid JSON");
  }
}
