package io.github.mediapackagecdn.core.audit;

import java.util.List;
import org.immutables.value.Value;

/**
 * The fleet audit of one account: how many channels, endpoints and distributions were read, each channel with its
 * linked distribution and whether it serves every endpoint, and every problem found. Read-only: building it wrote
 * nothing. Its {@link #toString()} is a report for a person.
 */
@Value.Immutable
public abstract class FleetAudit {

  /** How many channels the region has. */
  public abstract int channelCount();

  /** How many endpoints the region has. */
  public abstract int endpointCount();

  /** How many distributions the account has. */
  public abstract int distributionCount();

  /** Each channel with exactly one linked distribution, in MediaPackage's order. */
  public abstract List<LinkedChannel> linked();

  /** Every problem found, by channel in MediaPackage's order, then the orphans. */
  public abstract List<AuditFinding> findings();

  /** The problems of one kind. */
  public List<AuditFinding> findings(AuditFinding.Kind kind) {
    return findings().stream().filter(f -> f.kind() == kind).toList();
  }

  /** Whether nothing was found: every channel that asked for a distribution has one that serves every endpoint. */
  public boolean clean() {
    return findings().isEmpty();
  }

  /** A builder of an audit. */
  public static Builder builder() {
    return new Builder();
  }

  /** A report: the counts, one line per linked channel, one line per finding. */
  @Override
  public String toString() {
    StringBuilder report = new StringBuilder("Fleet audit: ").append(channelCount()).append(" channels, ")
        .append(endpointCount()).append(" endpoints, ").append(distributionCount()).append(" distributions; ")
        .append(linked().size()).append(" linked, ")
        .append(linked().stream().filter(LinkedChannel::served).count()).append(" serving every endpoint; ")
        .append(findings().isEmpty() ? "no findings" : findings().size() + " findings");
    if (!linked().isEmpty()) {
      report.append("\nLinked:");
      linked().forEach(l -> report.append("\n  ").append(l));
    }
    if (!findings().isEmpty()) {
      report.append("\nFindings:");
      findings().forEach(f -> report.append("\n  ").append(f));
    }
    return report.toString();
  }

  /** Builds a {@link FleetAudit}. */
  public static class Builder extends ImmutableFleetAudit.Builder {}
}
