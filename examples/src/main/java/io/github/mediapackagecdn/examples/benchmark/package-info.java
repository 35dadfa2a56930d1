/**
 * The cost of the library, measured on the testkit's fakes: {@link io.github.mediapackagecdn.examples.benchmark.Benchmark}
 * prints the AWS calls per use case, the UpdateDistribution calls of concurrent saves, the deployments per channel,
 * the calls of a fleet audit and the time the library spends per save, one small class per table.
 */
package io.github.mediapackagecdn.examples.benchmark;
