package io.github.mediapackagecdn.testkit;

import java.time.Instant;
import java.util.List;

/** One call a fake received: the operation, its arguments as the port got them, and the fake clock's time. */
public record RecordedCall(Operation operation, List<Object> arguments, Instant at) {

  /** Keeps an unmodifiable copy of {@code arguments}. */
  public RecordedCall {
    arguments = List.copyOf(arguments);
  }

  @Override
  public String toString() {
    return operation.apiName() + arguments;
  }
}
