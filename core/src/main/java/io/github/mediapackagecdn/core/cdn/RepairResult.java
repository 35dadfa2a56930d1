package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.audit.AuditFinding;
import io.github.mediapackagecdn.core.audit.FleetAudit;
import io.github.mediapackagecdn.core.audit.LinkedChannel;
import io.github.mediapackagecdn.core.error.ProvisioningException;
import io.github.mediapackagecdn.core.model.ChannelRef;
import io.github.mediapackagecdn.core.model.ValueStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What a fleet repair ({@code ChannelCdn.repair}, {@code ChannelCdnV2.repair}) did with an audit: the channels it
 * repaired, those served already when read again,
 * the findings left for a person, the repairs that failed, and what {@link #remaining() remains} to repair. Repairing
 * the remaining part (or the same audit again) finishes the job; what is served already is never written again. Its
 * {@link #toString()} is a report for a person.
 */
@Value.Immutable
@ValueStyle
public abstract class RepairResult {

  /**
   * The audited channels that got what they lacked: at most one {@code UpdateDistribution} each (and for v2, the
   * endpoint policies' statements).
   */
  public abstract List<LinkedChannel> repaired();

  /**
   * The audited channels not served in the audit whose distribution had everything when read again (repaired by an
   * earlier run, another instance or a person): nothing was written.
   */
  public abstract List<LinkedChannel> unchanged();

  /**
   * What the repair never changes, for a person: orphans, changed link tags, ambiguous links, channels that asked for
   * a distribution and have none (save the channel again), endpoints without a CDN URL (for a channel it repaired,
   * as its distribution is now), and channels it could not repair safely (the rules cannot say what is missing, the
   * channel is gone or its link changed since the audit: audit again); each with what was found.
   */
  public abstract List<AuditFinding> leftForPerson();

  /** The channels whose repair failed, each with its typed error; they are in {@link #remaining()} too. */
  public abstract Map<ChannelRef, ProvisioningException> failed();

  /**
   * The audit narrowed to what is left to repair: the channels whose repair failed or was not reached (the run met
   * {@link RepairOptions#maxUpdates()}, was throttled or interrupted), with their findings. Pass it to
   * the facade's {@code repair} to go on; its counts are the original audit's.
   */
  public abstract FleetAudit remaining();

  /** How long the repair paused to keep to its update rate, in all. */
  public abstract Duration waited();

  /** Whether nothing remains to repair (what is left for a person may remain). */
  public boolean complete() {
    return remaining().findings().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  static class Builder extends ImmutableRepairResult.Builder {}

  /** A report: the counts, then one line per channel repaired, finding left, repair failed, channel remaining. */
  @Override
  public String toString() {
    StringBuilder report = new StringBuilder("Fleet repair: ").append(repaired().size()).append(" repaired, ")
        .append(unchanged().size()).append(" served already, ").append(leftForPerson().size())
        .append(" left for a person, ").append(failed().size()).append(" failed, ")
        .append(remaining().findings().size()).append(" remaining; waited ").append(waited().toSeconds())
        .append(" s for the update rate");
    if (!repaired().isEmpty()) {
      report.append("\nRepaired:");
      repaired().forEach(l -> report.append("\n  ").append(l));
    }
    if (!unchanged().isEmpty()) {
      report.append("\nServed already:");
      unchanged().forEach(l -> report.append("\n  ").append(l.channel()).append(" -> ").append(l.distribution()));
    }
    if (!leftForPerson().isEmpty()) {
      report.append("\nLeft for a person:");
      leftForPerson().forEach(f -> report.append("\n  ").append(f));
    }
    if (!failed().isEmpty()) {
      report.append("\nFailed:");
      failed().forEach((channel, e) -> report.append("\n  ").append(channel).append(": ").append(e));
    }
    if (!remaining().findings().isEmpty()) {
      report.append("\nRemaining:");
      remaining().findings().forEach(f -> report.append("\n  ").append(f));
    }
    return report.toString();
  }
}
