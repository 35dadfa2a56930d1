package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.v2.model.ChannelGroupSpec;
import io.github.mediapackagecdn.core.v2.model.V2ChannelId;
import io.github.mediapackagecdn.core.v2.model.V2ChannelSpec;
import io.github.mediapackagecdn.core.v2.provisioning.ChannelCdnV2;
import io.github.mediapackagecdn.core.v2.provisioning.V2CdnSettings;
import io.github.mediapackagecdn.core.v2.provisioning.V2ChannelSaveResult;
import org.junit.jupiter.api.Test;

/**
 * v2's response headers policy setting on the fake CloudFront, which refuses an id naming no policy as CloudFront does
 * ({@code NoSuchResponseHeadersPolicy}): a managed policy is served, a custom one only once it exists.
 */
class ResponseHeadersPolicyOnFakesTest {

  private static final V2ChannelId NEWS = V2ChannelId.of("live", "news");
  private static final String CUSTOM = "4f5e6d7c-1111-2222-3333-444455556666";

  private final FakeAws aws = FakeAws.create();

  private V2ChannelSaveResult saveWith(String responseHeadersPolicyId) {
    ChannelCdnV2 cdn = aws.channelCdnV2(b -> b.v2Settings(V2CdnSettings.builder()
        .responseHeadersPolicyId(responseHeadersPolicyId).build()));
    cdn.saveChannelGroup(ChannelGroupSpec.builder().name("live").build());
    return cdn.saveChannel(V2ChannelSpec.builder().id(NEWS).createDistribution(true).build());
  }

  @Test
  void theManagedCorsPolicy_isOnTheDistribution() {
    V2ChannelSaveResult saved = saveWith(V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID);

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.distributions().all()).singleElement().satisfies(d -> assertThat(d.config().defaultBehavior()
        .responseHeadersPolicyId()).contains(V2CdnSettings.MANAGED_CORS_AND_SECURITY_HEADERS_POLICY_ID));
  }

  @Test
  void aPolicyThatDoesNotExist_failsTheCdnWithCloudFrontsError_noDistribution_andOnceItExistsTheNextSaveCreatesIt() {
    V2ChannelSaveResult failed = saveWith(CUSTOM);

    assertThat(failed.cdn().action()).isEqualTo(CdnOutcome.Action.FAILED);
    assertThat(failed.cdn().failure()).containsInstanceOf(InvalidRequestException.class);
    assertThat(((InvalidRequestException) failed.cdn().failure().orElseThrow()).errorCode())
        .contains("NoSuchResponseHeadersPolicy");
    assertThat(aws.distributions().all()).isEmpty();

    aws.cloudFrontPolicies().givenResponseHeadersPolicy(CUSTOM);
    V2ChannelSaveResult saved = saveWith(CUSTOM);

    assertThat(saved.cdn().action()).isEqualTo(CdnOutcome.Action.CREATED);
    assertThat(aws.distributions().all()).singleElement().satisfies(d -> assertThat(d.config().defaultBehavior()
        .responseHeadersPolicyId()).contains(CUSTOM));
  }
}
