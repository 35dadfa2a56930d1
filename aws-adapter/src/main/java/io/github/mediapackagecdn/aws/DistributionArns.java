package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Optional;

/**
 * Distribution ARNs without a GetDistribution each. Every distribution one CloudFront client sees is in that
 * client's account, so once one ARN has been read ({@code arn:<partition>:cloudfront::<account>:distribution/<id>}),
 * the ARN of every other is its prefix and the id. Learned from any answer that holds an ARN (GetResources,
 * ListDistributions, GetDistribution); until then, a GetDistribution reads one. Thread-safe.
 */
final class DistributionArns {

  private static final String MARKER = ":distribution/";

  /** {@code arn:<partition>:cloudfront::<account>:distribution/}, once an ARN was read. */
  private volatile String prefix;

  /** Learns the prefix from a distribution ARN read from AWS; anything else is ignored. */
  void learn(String arn) {
    DistributionTags.idFromArn(arn).ifPresent(id -> {
      if (arn.endsWith(MARKER + id.value())) {
        prefix = arn.substring(0, arn.length() - id.value().length());
      }
    });
  }

  /** The distribution's ARN, when the prefix is known. */
  Optional<String> of(DistributionId id) {
    String known = prefix;
    return known == null ? Optional.empty() : Optional.of(known + id.value());
  }
}
