package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The time the library itself spends per save, against the time the fakes spend: each save's wall time, and the time
 * inside the three ports (timed by {@link MeteredChannels}, {@link MeteredDistributions}, {@link MeteredLinks}); the
 * library's time is the difference. Each round is a fresh account: a new channel with a distribution, its first
 * endpoint, and a re-save of that endpoint unchanged. Warm-up rounds come first and are not counted. Timings vary
 * with the machine: they are reported, never asserted.
 */
final class SaveTimings {

  private static final String CHANNEL = "live-news";

  /** The saves of a round, in order. */
  enum Save {
    /** saveChannel with a distribution. */
    NEW_CHANNEL("new channel with a distribution"),
    /** saveEndpoint of the channel's first endpoint, which updates the distribution. */
    FIRST_ENDPOINT("first endpoint of a channel"),
    /** saveEndpoint of the same endpoint again. */
    UNCHANGED_ENDPOINT("re-save of an unchanged endpoint");

    private final String label;

    Save(String label) {
      this.label = label;
    }

    /** How the table names it. */
    String label() {
      return label;
    }
  }

  /** One save's time, in nanoseconds: in all, and inside the fakes. */
  record Sample(long totalNanos, long inFakesNanos) {

    /** The library's own time: the total less the fakes'. */
    long libraryNanos() {
      return totalNanos - inFakesNanos;
    }
  }

  private SaveTimings() {}

  /** Runs {@code warmUp} uncounted rounds, then {@code rounds} counted ones; answers the samples of each save. */
  static Map<Save, List<Sample>> measure(int warmUp, int rounds) {
    for (int i = 0; i < warmUp; i++) {
      round();
    }
    Map<Save, List<Sample>> samples = new EnumMap<>(Save.class);
    for (Save save : Save.values()) {
      samples.put(save, new ArrayList<>());
    }
    for (int i = 0; i < rounds; i++) {
      round().forEach((save, sample) -> samples.get(save).add(sample));
    }
    return samples;
  }

  private static Map<Save, Sample> round() {
    FakeAws aws = FakeAws.create();
    PortMeter meter = new PortMeter();
    ChannelCdn cdn = Fixtures.metered(aws, meter);
    Map<Save, Sample> round = new EnumMap<>(Save.class);
    round.put(Save.NEW_CHANNEL, timed(meter, () -> cdn.saveChannel(Fixtures.channel(CHANNEL))));
    round.put(Save.FIRST_ENDPOINT, timed(meter, () -> cdn.saveEndpoint(Fixtures.endpoint(CHANNEL, Packaging.HLS))));
    round.put(Save.UNCHANGED_ENDPOINT,
        timed(meter, () -> cdn.saveEndpoint(Fixtures.endpoint(CHANNEL, Packaging.HLS))));
    return round;
  }

  private static Sample timed(PortMeter meter, Runnable save) {
    long inFakes = meter.nanosInPorts();
    long start = System.nanoTime();
    save.run();
    long total = System.nanoTime() - start;
    return new Sample(total, meter.nanosInPorts() - inFakes);
  }

  /** The table: median and 95th percentile, in microseconds, of each save's total, fakes' and library's time. */
  static String report(int warmUp, int rounds) {
    Map<Save, List<Sample>> samples = measure(warmUp, rounds);
    Table table = new Table("Time per save on the fakes, in microseconds (median / p95 of " + rounds
        + " saves each, after " + warmUp + " warm-up rounds; varies with the machine)",
        "save", "total", "in the fakes", "library (total - fakes)", "library share of the median");
    for (Save save : Save.values()) {
      List<Sample> of = samples.get(save);
      long[] total = of.stream().mapToLong(Sample::totalNanos).toArray();
      long[] fakes = of.stream().mapToLong(Sample::inFakesNanos).toArray();
      long[] library = of.stream().mapToLong(Sample::libraryNanos).toArray();
      table.row(save.label(), micros(total), micros(fakes), micros(library),
          Math.round(100.0 * percentile(library, 50) / percentile(total, 50)) + " %");
    }
    return table.toString();
  }

  private static String micros(long[] nanos) {
    return String.format("%,d / %,d", percentile(nanos, 50) / 1_000, percentile(nanos, 95) / 1_000);
  }

  /** The {@code p}th percentile (nearest rank) of the values. */
  static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
