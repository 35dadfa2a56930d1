package io.github.mediapackagecdn.examples.benchmark;

import java.io.PrintStream;
import java.util.List;

/**
 * The cost of the library on the testkit's fakes, printed as Markdown tables: AWS calls per use case for both link
 * lookups, UpdateDistribution calls of concurrent saves across instances, deployments per channel, the calls of a
 * fleet audit of 10 to 10,000 channels, the same for MediaPackage v2 in each distribution scope (calls per use case,
 * deployments and the fake clock's time to ready for players per new channel, audits of 10 to 1,000 channels), and
 * the library's own time per save against the fakes'. Run it with
 * {@code mvn -q -B -pl examples -am test-compile exec:java
 * -Dexec.mainClass=io.github.mediapackagecdn.examples.benchmark.Benchmark}.
 *
 * <p>Every call count is deterministic except those of the concurrent saves, whose threads interleave as the
 * scheduler lets them; the timings depend on the machine. Seeding the 10,000-channel fleet is most of the run (about
 * 40 s in all); {@code -Dexec.args=--quick} audits v1 fleets of up to 1,000 channels only.
 */
public final class Benchmark {

  /** Concurrent runs per row of the concurrent saves' table. */
  static final int CONCURRENT_RUNS = 20;
  /** Uncounted rounds before the timings. */
  static final int WARM_UP_ROUNDS = 300;
  /** Counted rounds of the timings. */
  static final int TIMED_ROUNDS = 500;

  /** The v2 fleet sizes audited, in each scope. */
  static final List<Integer> V2_FLEETS = List.of(10, 100, 1_000);

  private Benchmark() {}

  /** Prints every table to standard output; {@code --quick} leaves out the audit of 10,000 channels. */
  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (!List.of("--quick").containsAll(arguments)) {
      System.err.println("usage: Benchmark [--quick]");
      System.exit(2);
      return;
    }
    List<Integer> fleets = arguments.contains("--quick") ? AuditCalls.FLEETS.subList(0, 3) : AuditCalls.FLEETS;
    PrintStream out = System.out;
    out.println("# mediapackage-cdn benchmark, on the testkit's in-memory fakes");
    out.println();
    out.println(CallsPerUseCase.report());
    out.println(ConcurrentSaves.report(CONCURRENT_RUNS));
    out.println(DeploymentsPerChannel.report());
    out.println(AuditCalls.report(fleets));
    out.println(V2CallsPerUseCase.report());
    out.println(V2DeploymentsPerChannel.report());
    out.println(V2AuditCalls.report(V2_FLEETS));
    out.println(SaveTimings.report(WARM_UP_ROUNDS, TIMED_ROUNDS));
  }
}
