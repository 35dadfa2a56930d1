package io.github.mediapackagecdn.core.v2.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A v2 channel to save ({@code CreateChannelRequest}, {@code UpdateChannelRequest}), and whether it gets a
 * CloudFront distribution.
 */
@Value.Immutable
public abstract class V2ChannelSpec {

  /** {@code ChannelGroupName} and {@code ChannelName}. */
  public abstract V2ChannelId id();

  /** {@code Description}, at most 1,024 characters. */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@code InputType}, set when the channel is created and never changed; {@link InputType#HLS} unless set. */
  @Value.Default
  public InputType inputType() {
    return InputType.HLS;
  }

  /**
   * {@code OutputHeaderConfiguration.PublishMQCS}: whether MediaPackage sends the CDN the media quality confidence
   * score, which CloudFront's media-quality-based origin groups compare; CMAF channels only. No unless set.
   */
  @Value.Default
  public boolean publishMediaQualityScore() {
    return false;
  }

  /**
   * {@code Tags}, set when the channel is created: at most 50, keys of 1 to 128 characters without the prefix
   * {@code aws:}, values of at most 256; with {@link #createDistribution()}, at most 49, the library recording the
   * channel's distribution on one more.
   */
  public abstract Map<String, String> tags();

  /** Whether saving the channel gives it a CloudFront distribution. */
  @Value.Default
  public boolean createDistribution() {
    return false;
  }

  /** The new distribution's comment; the settings' format unless given. At most 128 characters. */
  public abstract Optional<String> distributionComment();

  /**
   * Tags of the new distribution besides the link tag; CloudFront's character set. Their count is checked by the
   * save, against the account's quota of tags a distribution.
   */
  public abstract Map<String, String> distributionTags();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link V2ChannelSpec}. */
  public static class Builder extends ImmutableV2ChannelSpec.Builder {}

  /** Reports every problem at once. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    V2Limits.description(problems, "channel", description());
    if (publishMediaQualityScore() && inputType() != InputType.CMAF) {
      problems.add("channel " + id() + " publishes the media quality score, which needs input type CMAF, not "
          + inputType());
    }
    distributionComment().filter(c -> c.length() > io.github.mediapackagecdn.core.model.Limits.MAX_COMMENT_LENGTH)
        .ifPresent(c -> problems.add("distribution comment has " + c.length() + " characters; CloudFront allows at"
            + " most " + io.github.mediapackagecdn.core.model.Limits.MAX_COMMENT_LENGTH));
    problems.addAll(io.github.mediapackagecdn.core.model.Limits.mediaPackageTagProblems(tags(),
        createDistribution() ? 1 : 0));
    problems.addAll(io.github.mediapackagecdn.core.model.Limits.cloudFrontTagProblems(distributionTags(),
        Integer.MAX_VALUE)); // their count: the save's quota check
    if (createDistribution()) {
      problems.addAll(V2Limits.linkTagProblems(id()));
    }
    ValidationException.throwIfAny(problems);
  }
}
