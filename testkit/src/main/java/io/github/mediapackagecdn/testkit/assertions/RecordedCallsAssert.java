package io.github.mediapackagecdn.testkit.assertions;

import io.github.mediapackagecdn.testkit.Operation;
import io.github.mediapackagecdn.testkit.RecordedCall;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the calls the fakes received, in order: how many of an operation, none that writes, the order. */
public final class RecordedCallsAssert extends AbstractAssert<RecordedCallsAssert, List<RecordedCall>> {

  private RecordedCallsAssert(List<RecordedCall> actual) {
    super(actual, RecordedCallsAssert.class);
  }

  /** Starts assertions on {@code actual}, such as {@code FakeAws.calls()}. */
  public static RecordedCallsAssert assertThat(List<RecordedCall> actual) {
    return new RecordedCallsAssert(actual);
  }

  /** Checks that exactly {@code times} of the calls are of {@code operation}. */
  public RecordedCallsAssert hasExactly(int times, Operation operation) {
    isNotNull();
    Objects.requireNonNull(operation, "operation");
    long count = count(operation);
    if (count != times) {
      failWithMessage("Expected exactly %d %s call(s) but there were %d among %s",
          times, operation.apiName(), count, operations(actual));
    }
    return this;
  }

  /** Checks that none of the calls is of {@code operation}. */
  public RecordedCallsAssert hasNone(Operation operation) {
    return hasExactly(0, operation);
  }

  /** Checks that no call created, updated or deleted anything. */
  public RecordedCallsAssert hasNoWrites() {
    isNotNull();
    List<RecordedCall> writes = actual.stream().filter(c -> c.operation().isWrite()).toList();
    if (!writes.isEmpty()) {
      failWithMessage("Expected no write calls but there were %s", operations(writes));
    }
    return this;
  }

  /** Checks that the calls include {@code operations} in this order, other calls allowed in between. */
  public RecordedCallsAssert hasInOrder(Operation... operations) {
    isNotNull();
    int next = 0;
    for (RecordedCall call : actual) {
      if (next < operations.length && call.operation() == operations[next]) {
        next++;
      }
    }
    if (next < operations.length) {
      failWithMessage("Expected the calls %s in this order, but after the first %d of them there was no %s; calls: %s",
          Arrays.stream(operations).map(Operation::apiName).toList(), next, operations[next].apiName(),
          operations(actual));
    }
    return this;
  }

  /** The calls by API name: the arguments (whole configurations) would drown the message. */
  private static List<String> operations(List<RecordedCall> calls) {
    return calls.stream().map(c -> c.operation().apiName()).toList();
  }

  private long count(Operation operation) {
    return actual.stream().filter(c -> c.operation() == operation).count();
  }
}
