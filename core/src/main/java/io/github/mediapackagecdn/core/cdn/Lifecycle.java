package io.github.mediapackagecdn.core.cdn;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The life of a facade, written once for both: whether it is closed, the refusal of calls once it is, the closing of
 * the resources handed over with {@link FacadeBuilder#onClose(AutoCloseable)} (each even when an earlier one failed,
 * every failure kept), and the null checks of the arguments. Shared by the v1 and v2 facades; internal, not API.
 */
public final class Lifecycle {

  private final String facade;
  private final String subject;
  private final List<AutoCloseable> resources;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * The life of the facade named {@code facade} (in the refusal of a call once closed), called {@code subject} in
   * the failure of a close, closing {@code resources} in this order.
   */
  public Lifecycle(String facade, String subject, List<AutoCloseable> resources) {
    this.facade = facade;
    this.subject = subject;
    this.resources = List.copyOf(resources);
  }

  /** How many resources {@link #close} closes. */
  public int resources() {
    return resources.size();
  }

  /** Whether {@link #close} was called. */
  public boolean closed() {
    return closed.get();
  }

  /**
   * Closes, once: runs {@code first}, closes every resource in order, each even when an earlier one failed, then runs
   * {@code last}; later calls do nothing.
   *
   * @throws IllegalStateException when a resource failed to close, with every failure (the first as its cause, the
   *     others suppressed), after {@code last} ran
   */
  public void close(Runnable first, Runnable last) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    first.run();
    IllegalStateException failure = null;
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the " + subject + " failed: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    last.run();
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Refuses a call on a closed facade.
   *
   * @throws IllegalStateException when {@link #close} was called
   */
  public void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this " + facade + " is closed; build a new one");
    }
  }

  /**
   * The checks of a deployment wait, before any read: the facade is open, no argument is null, the timeout is not
   * negative.
   *
   * @throws IllegalStateException when the facade is closed
   * @throws ValidationException when an argument is null or the timeout negative
   */
  public void requireWait(Object channel, Duration timeout, Consumer<DeploymentProgress> progress) {
    requireOpen();
    require(channel, "channel id");
    require(timeout, "timeout");
    require(progress, "progress callback");
    if (timeout.isNegative()) {
      throw new ValidationException("timeout " + timeout + " is negative");
    }
  }

  /**
   * {@code value}, once the facade is checked open and {@code value} not null: a facade method's first argument.
   *
   * @throws IllegalStateException when {@link #close} was called
   * @throws ValidationException when {@code value} is null
   */
  public <T> T open(T value, String what) {
    requireOpen();
    return require(value, what);
  }

  /**
   * {@code value}, refused when null, named {@code what} in the error.
   *
   * @throws ValidationException when {@code value} is null
   */
  public static <T> T require(T value, String what) {
    if (value == null) {
      throw new ValidationException(what + " is null");
    }
    return value;
  }

  /** The kind of a port or source, for a facade's {@code toString()}: its simple class name, never its text. */
  public static String kind(Object port) {
    return port.getClass().getSimpleName();
  }
}
