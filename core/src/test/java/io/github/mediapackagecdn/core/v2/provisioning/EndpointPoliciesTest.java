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
  void whyNotAllowed_saysWhatKeepsTheDistributionFromReadingTheEndpoint_byMeaning() {
    String ours = EndpointPolicies.merged(Optional.of("{\"Statement\":[" + USERS + "]}"), ENDPOINT, DISTRIBUTION,
        true).orElseThrow();
    String reordered = "{\"Statement\":[" + USERS + ",{\"Condition\":{\"StringEquals\":{\"aws:SourceArn\":["
        + "\"" + DISTRIBUTION + "\"]}},\"Resource\":\"" + ENDPOINT + "\",\"Action\":[\"mediapackagev2:GetHeadObject\","
        + "\"mediapackagev2:GetObject\"],\"Principal\":{\"Service\":\"cloudfront.amazonaws.com\"},"
        + "\"Effect\":\"Allow\",\"Sid\":\"Copied\"}]}";
    String deny = ours.replace("\"Statement\":[", "\"Statement\":[{\"Sid\":\"NoCdn\",\"Effect\":\"Deny\","
        + "\"Principal\":{\"Service\":\"cloudfront.amazonaws.com\"},\"Action\":\"mediapackagev2:*\","
        + "\"Resource\":\"*\"},");

    assertThat(EndpointPolicies.whyNotAllowed(Optional.of(ours), ENDPOINT, DISTRIBUTION)).isEmpty();
    assertThat(EndpointPolicies.whyNotAllowed(Optional.of(reordered), ENDPOINT, DISTRIBUTION))
        .as("the same statement however written, whatever its Sid").isEmpty();
    assertThat(EndpointPolicies.whyNotAllowed(Optional.empty(), ENDPOINT, DISTRIBUTION)).hasValueSatisfying(
        why -> assertThat(why).contains("no endpoint policy"));
    assertThat(EndpointPolicies.whyNotAllowed(Optional.of("{\"Statement\":[" + USERS + "]}"), ENDPOINT,
        DISTRIBUTION)).hasValueSatisfying(why -> assertThat(why).contains("endpoint policy", DISTRIBUTION,
            EndpointPolicies.SID));
    assertThat(EndpointPolicies.whyNotAllowed(Optional.of(ours), ENDPOINT, DISTRIBUTION.replace("E1", "E2")))
        .hasValueSatisfying(why -> assertThat(why).contains("names " + DISTRIBUTION));
    assertThat(EndpointPolicies.whyNotAllowed(Optional.of(deny), ENDPOINT, DISTRIBUTION)).hasValueSatisfying(
        why -> assertThat(why).contains("NoCdn", "Deny"));
    assertThat(EndpointPolicies.gatesOnCdnAuthHeader(ours)).isTrue();
    assertThat(EndpointPolicies.gatesOnCdnAuthHeader(reordered)).isFalse();
  }

  @Test
  void noPolicy_becomesOneWithTheLibrarysStatementOnly() {
    String merged = EndpointPolicies.merged(Optional.empty(), ENDPOINT, DISTRIBUTION, false).orElseThrow();

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

    String merged = EndpointPolicies.merged(Optional.of(existing), ENDPOINT, DISTRIBUTION, false).orElseThrow();

    assertThat(merged).startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"mine\",\"Statement\":[" + USERS + ",");
    assertThat(merged).contains("1.50"); // numbers kept as written
  }

  @Test
  void aSingleStatementObject_isKept_andMerged() {
    String merged = EndpointPolicies.merged(Optional.of("{\"Statement\":" + USERS + "}"), ENDPOINT, DISTRIBUTION, false)
        .orElseThrow();

    assertThat((List<?>) ((Map<?, ?>) Json.parse(merged)).get("Statement")).hasSize(2);
  }

  @Test
  void aPolicyWithTheStatement_isUnchanged_andAnOldOneIsReplacedInPlace() {
    String once = EndpointPolicies.merged(Optional.of("{\"Statement\":[" + USERS + "]}"), ENDPOINT, DISTRIBUTION, false)
        .orElseThrow();

    assertThat(EndpointPolicies.merged(Optional.of(once), ENDPOINT, DISTRIBUTION, false)).isEmpty();
    String moved = EndpointPolicies.merged(Optional.of(once), ENDPOINT, DISTRIBUTION + "2", false).orElseThrow();
    List<?> statements = (List<?>) ((Map<?, ?>) Json.parse(moved)).get("Statement");
    assertThat(statements).hasSize(2);
    assertThat(moved).contains(DISTRIBUTION + "2").doesNotContain(DISTRIBUTION + "\"");
  }

  @Test
  void aPublicStatement_isRefused_neverWritten() {
    String open = "{\"Statement\":[{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"*\"}]}";
    String openAws = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":\"*\"}}";

    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of(open), ENDPOINT, DISTRIBUTION, false))
        .isInstanceOf(ValidationException.class).hasMessageContaining("[Open]").hasMessageContaining("public");
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of(openAws), ENDPOINT, DISTRIBUTION, false))
        .isInstanceOf(ValidationException.class).hasMessageContaining("(no Sid)");
  }

  @Test
  void aDenyForEveryone_orAConditionedOne_isNotPublic() {
    String deny = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":"
        + "false}}}]}";

    assertThat(EndpointPolicies.merged(Optional.of(deny), ENDPOINT, DISTRIBUTION, false)).isPresent();
  }

  @Test
  void withCdnAuthorization_awsStatementForMatchingHeadersIsAppended_afterTheCloudFrontOne() {
    String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[" + USERS + "]}";

    String merged = EndpointPolicies.merged(Optional.of(existing), ENDPOINT, DISTRIBUTION, true).orElseThrow();

    List<?> statements = (List<?>) ((Map<?, ?>) Json.parse(merged)).get("Statement");
    assertThat(statements).hasSize(3);
    assertThat(Json.write(statements.get(0))).isEqualTo(USERS);
    assertThat(((Map<?, ?>) statements.get(1)).get("Sid")).isEqualTo(EndpointPolicies.SID);
    Map<?, ?> gate = (Map<?, ?>) statements.get(2);
    assertThat(gate.get("Sid")).isEqualTo("MediaPackageCdnAllowCdnAuthorizedRequests");
    assertThat(gate.get("Effect")).isEqualTo("Allow");
    assertThat(gate.get("Principal")).isEqualTo("*");
    assertThat(gate.get("Action")).isEqualTo("mediapackagev2:GetObject");
    assertThat(gate.get("Resource")).isEqualTo(ENDPOINT);
    assertThat(gate.get("Condition"))
        .isEqualTo(Map.of("Bool", Map.of("mediapackagev2:RequestHasMatchingCdnAuthHeader", "true")));
    assertThat(EndpointPolicies.merged(Optional.of(merged), ENDPOINT, DISTRIBUTION, true))
        .as("already there: not written again").isEmpty();
  }

  @Test
  void theCdnAuthorizationStatement_isReplacedInPlace_andGoesWithTheAuthorization_onlyOursBySid() {
    String stale = "{\"Sid\":\"MediaPackageCdnAllowCdnAuthorizedRequests\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"old\",\"Condition\":{\"Bool\":{"
        + "\"mediapackagev2:RequestHasMatchingCdnAuthHeader\":\"true\"}}}";
    String partners = "{\"Sid\":\"PartnerCdn\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"mediapackagev2:GetObject\",\"Resource\":\"" + ENDPOINT + "\",\"Condition\":{\"Bool\":{"
        + "\"mediapackagev2:RequestHasMatchingCdnAuthHeader\":\"true\"}}}";
    String existing = "{\"Statement\":[" + stale + "," + USERS + "," + partners + "]}";

    String replaced = EndpointPolicies.merged(Optional.of(existing), ENDPOINT, DISTRIBUTION, true).orElseThrow();
    List<?> statements = (List<?>) ((Map<?, ?>) Json.parse(replaced)).get("Statement");
    assertThat(statements).hasSize(4);
    assertThat(((Map<?, ?>) statements.get(0)).get("Resource")).as("in place").isEqualTo(ENDPOINT);

    String off = EndpointPolicies.merged(Optional.of(replaced), ENDPOINT, DISTRIBUTION, false).orElseThrow();
    assertThat(off).doesNotContain("MediaPackageCdnAllowCdnAuthorizedRequests").contains(USERS).contains(partners)
        .contains(EndpointPolicies.SID);
    assertThat(EndpointPolicies.merged(Optional.of(off), ENDPOINT, DISTRIBUTION, false)).isEmpty();
  }

  @Test
  void notAPolicy_isAValidationError() {
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of("[]"), ENDPOINT, DISTRIBUTION, false))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of("{\"Statement\":1}"), ENDPOINT, DISTRIBUTION, false))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> EndpointPolicies.merged(Optional.of("{\"Statement\":[}"), ENDPOINT, DISTRIBUTION, false))
        .isInstanceOf(ValidationException.class).hasMessageContaining("not valid JSON");
  }

  /** The harvest job's statement the MediaPackage v2 user guide gives (endpoint-auth). */
  private static final String HARVEST = "{\"Sid\":\"AllowMediaPackageHarvestObjectAccess\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"mediapackagev2.amazonaws.com\"},\"Condition\":{\"StringEquals\":"
      + "{\"AWS:SourceAccount\":\"123456789012\"}},\"Action\":[\"mediapackagev2:HarvestObject\","
      + "\"mediapackagev2:GetObject\"],\"Resource\":\"" + ENDPOINT + "\"}";

  /** The library's statement as a service may write it back: keys reordered, spaced, one-value lists as strings. */
  private static String reserialized(String distribution) {
    return "{ \"Condition\" : { \"StringEquals\" : { \"AWS:SourceArn\" : [ \"" + distribution + "\" ] } },\n"
        + "  \"Resource\" : [ \"" + ENDPOINT + "\" ],\n"
        + "  \"Action\" : [ \"mediapackagev2:GetHeadObject\", \"mediapackagev2:GetObject\" ],\n"
        + "  \"Principal\" : { \"Service\" : [ \"cloudfront.amazonaws.com\" ] },\n"
        + "  \"Effect\" : \"Allow\", \"Sid\" : \"" + EndpointPolicies.SID + "\" }";
  }

  @Test
  void aPolicyWrittenBackReserialized_meansTheSame_andIsNotWrittenAgain() {
    String reserialized = "{\n  \"Statement\" : [ " + reserialized(DISTRIBUTION) + ", " + HARVEST + " ],\n"
        + "  \"Version\" : \"2012-10-17\" }";

    assertThat(EndpointPolicies.merged(Optional.of(reserialized), ENDPOINT, DISTRIBUTION, false)).isEmpty();
    String single = "{\"Version\":\"2012-10-17\",\"Statement\":" + reserialized(DISTRIBUTION) + "}";
    assertThat(EndpointPolicies.merged(Optional.of(single), ENDPOINT, DISTRIBUTION, false)).isEmpty();
    assertThat(EndpointPolicies.merged(Optional.of(reserialized), ENDPOINT, DISTRIBUTION + "2", false))
        .as("another distribution means another policy").isPresent();
  }

  @Test
  void sameMeaning_ignoresHowThePolicyIsWritten_notWhatItSays() {
    String ours = Json.write(Map.of("Version", EndpointPolicies.VERSION, "Statement",
        List.of(EndpointPolicies.statement(ENDPOINT, DISTRIBUTION), Json.parse(HARVEST))));
    String reordered = "{\"Statement\":[" + HARVEST + "," + reserialized(DISTRIBUTION) + "],\"Version\":\"2012-10-17\"}";

    assertThat(EndpointPolicies.sameMeaning(ours, reordered)).isTrue();
    assertThat(EndpointPolicies.sameMeaning("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"a\",\"Condition\":"
        + "{\"Bool\":{\"k\":true}}}}", "{\"Statement\":[{\"Action\":[\"a\",\"a\"],\"Condition\":{\"Bool\":"
        + "{\"K\":[\"true\"]}},\"Effect\":\"Allow\"}]}")).as("a boolean and its text, a key's case").isTrue();
    assertThat(EndpointPolicies.sameMeaning(ours, ours.replace("GetHeadObject", "PutObject"))).isFalse();
    assertThat(EndpointPolicies.sameMeaning(ours, ours.replace("\"Allow\"", "\"Deny\""))).isFalse();
    assertThat(EndpointPolicies.sameMeaning(ours, ours.replace(ENDPOINT, ENDPOINT + "2"))).isFalse();
    assertThat(EndpointPolicies.sameMeaning("{\"Statement\":[{\"Sid\":\"A\"}]}", "{\"Statement\":[{\"sid\":\"A\"}]}"))
        .as("element names are not condition keys").isFalse();
  }

  @Test
  void theHarvestJobsStatement_isKept_throughEverySave_withAndWithoutCdnAuthorization() {
    String existing = "{\"Version\":\"2012-10-17\",\"Id\":\"MediaPackageHarvesterAccessPolicy\",\"Statement\":["
        + HARVEST + "]}";

    String first = EndpointPolicies.merged(Optional.of(existing), ENDPOINT, DISTRIBUTION, false).orElseThrow();
    String authorized = EndpointPolicies.merged(Optional.of(first), ENDPOINT, DISTRIBUTION, true).orElseThrow();
    String moved = EndpointPolicies.merged(Optional.of(authorized), ENDPOINT, DISTRIBUTION + "2", true).orElseThrow();
    String off = EndpointPolicies.merged(Optional.of(moved), ENDPOINT, DISTRIBUTION + "2", false).orElseThrow();

    for (String policy : List.of(first, authorized, moved, off)) {
      assertThat(policy).startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"MediaPackageHarvesterAccessPolicy\","
          + "\"Statement\":[" + HARVEST + ",");
    }
    assertThat(EndpointPolicies.merged(Optional.of(off), ENDPOINT, DISTRIBUTION + "2", false)).isEmpty();
  }

}
