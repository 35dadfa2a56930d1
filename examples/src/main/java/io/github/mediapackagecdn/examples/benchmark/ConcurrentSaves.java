package io.github.mediapackagecdn.examples.benchmark;

import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.cdn.CdnOutcome;
import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import io.github.mediapackagecdn.core.provisioning.EndpointDetails;
import io.github.mediapackagecdn.testkit.FakeAws;
import io.github.mediapackagecdn.testkit.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N endpoint saves of one channel at once, through {@value #INSTANCES} {@link ChannelCdn} instances on the same fake
 * account, from N threads started together: save {@code i} is the channel's endpoint of format {@code i mod 4} (HLS,
 * DASH, CMAF, MSS) through instance {@code i mod 4}, so 16 saves are each of the four endpoints saved by four
 * instances, within MediaPackage's 10 endpoints a channel. The threads interleave as the scheduler lets them, so the
 * counts vary from run to run: the table gives the range over several runs, and one thread (the saves one after
 * another) as the deterministic reference.
 */
final class ConcurrentSaves {

  /** How many instances of the library share the account. */
  static final int INSTANCES = 4;

  private static final String CHANNEL = "live-news";

  /** What one run of concurrent saves did. */
  record Run(int updateCalls, int acceptedUpdates, int failedSaves, boolean everyEndpointServed) {

    /** The UpdateDistribution calls refused because another instance updated first (HTTP 412, read again). */
    int staleUpdates() {
      return updateCalls - acceptedUpdates;
    }
  }

  private ConcurrentSaves() {}

  /**
   * Saves the channel with its distribution, then runs {@code saves} endpoint saves on {@code threads} threads,
   * started together, through {@value #INSTANCES} instances; answers the UpdateDistribution calls from the first
   * endpoint save on.
   */
  static Run measure(int saves, int threads) {
    FakeAws aws = FakeAws.create();
    PortMeter meter = new PortMeter();
    List<ChannelCdn> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(Fixtures.metered(aws, meter));
    }
    instances.get(0).saveChannel(Fixtures.channel(CHANNEL));
    aws.clearCalls();
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<CdnOutcome>> work = new ArrayList<>();
    for (int i = 0; i < saves; i++) {
      ChannelCdn instance = instances.get(i % INSTANCES);
      var endpoint = Fixtures.endpoint(CHANNEL, Fixtures.FORMATS.get(i % Fixtures.FORMATS.size()));
      work.add(() -> {
        start.await();
        return instance.saveEndpoint(endpoint).cdn();
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int failed = 0;
    try {
      List<Future<CdnOutcome>> outcomes = new ArrayList<>();
      work.forEach(w -> outcomes.add(pool.submit(w)));
      start.countDown();
      for (Future<CdnOutcome> outcome : outcomes) {
        failed += outcome.get().failed() ? 1 : 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the saves ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a save threw", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int updateCalls = aws.calls(Operation.UPDATE_DISTRIBUTION).size();
    boolean served = instances.get(0).details(ChannelId.of(CHANNEL)).endpoints().stream()
        .allMatch(EndpointDetails::served);
    return new Run(updateCalls, (int) meter.acceptedUpdates(), failed, served);
  }

  /** The table: for 4 and 16 saves, one thread, then as many threads as saves over {@code runs} runs. */
  static String report(int runs) {
    Table table = new Table("UpdateDistribution calls for N endpoint saves of one channel across " + INSTANCES
        + " instances (concurrent: min-max over " + runs + " runs)",
        "saves", "threads", "UpdateDistribution calls", "accepted (deployments)", "refused as stale (412)",
        "failed saves", "every endpoint served");
    for (int saves : List.of(4, 16)) {
      Run sequential = measure(saves, 1);
      table.row(saves, "1 (one after another)", sequential.updateCalls(), sequential.acceptedUpdates(),
          sequential.staleUpdates(), sequential.failedSaves(), sequential.everyEndpointServed() ? "yes" : "no");
      List<Run> concurrent = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        concurrent.add(measure(saves, saves));
      }
      table.row(saves, saves, range(concurrent, Run::updateCalls), range(concurrent, Run::acceptedUpdates),
          range(concurrent, Run::staleUpdates), range(concurrent, Run::failedSaves),
          concurrent.stream().allMatch(Run::everyEndpointServed) ? "yes, every run" : "no");
    }
    return table.toString();
  }

  private static String range(List<Run> runs, java.util.function.ToIntFunction<Run> figure) {
    int min = runs.stream().mapToInt(figure).min().orElseThrow();
    int max = runs.stream().mapToInt(figure).max().orElseThrow();
    return min == max ? String.valueOf(min) : min + "-" + max;
  }
}
