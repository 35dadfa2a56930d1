package io.github.mediapackagecdn.core.cdn;

import static io.github.mediapackagecdn.core.cdn.Lifecycle.require;

import io.github.mediapackagecdn.core.event.ProvisioningListener;
import io.github.mediapackagecdn.core.port.CdnIdentifierSource;
import io.github.mediapackagecdn.core.port.Scheduler;
import io.github.mediapackagecdn.core.port.Sleeper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of both facades' builders ({@code ChannelCdn.Builder}, {@code ChannelCdnV2.Builder}): the options they
 * share, set the same way on either, each setter answering the facade's own builder {@code B}: the listeners, the CDN
 * identifier source, the sleeper, the clock, the scheduler of asynchronous waits and the resources the facade closes.
 * The ports and the settings are each facade's own. Every option has a default but the scheduler, which the facade
 * creates on the first asynchronous wait when none is set.
 *
 * @param <B> the facade's builder, answered by every setter so that calls chain
 */
public abstract class FacadeBuilder<B extends FacadeBuilder<B>> {

  private final List<ProvisioningListener> listeners = new ArrayList<>();
  private CdnIdentifierSource identifierSource = CdnIdentifierSource.none();
  private Sleeper sleeper = Sleeper.threadSleep();
  private Clock clock = Clock.systemUTC();
  private Scheduler scheduler;
  private final List<AutoCloseable> onClose = new ArrayList<>();

  /** A builder with every shared option at its default; for the facades' builders only. */
  protected FacadeBuilder() {}

  /**
   * A listener told of every step (channel saved, distribution created, update sent, failure, ...); may be given
   * several times, called in that order. None unless set: the library then logs its steps at DEBUG only.
   */
  public B listener(ProvisioningListener listener) {
    require(listener, "listener");
    this.listeners.add(listener);
    return self();
  }

  /**
   * Where the CDN identifiers of endpoints with CDN authorization come from when a spec gives none; none unless set.
   */
  public B cdnIdentifiers(CdnIdentifierSource source) {
    require(source, "CDN identifier source");
    this.identifierSource = source;
    return self();
  }

  /**
   * How the library pauses while it waits for what AWS does not show yet (within the settings' visibility timeout),
   * between the reads of a deployment wait and between the updates of a repair; tests pass one that moves a fake
   * clock. {@link Sleeper#threadSleep()} unless set.
   */
  public B sleeper(Sleeper sleeper) {
    require(sleeper, "sleeper");
    this.sleeper = sleeper;
    return self();
  }

  /** The clock that dates and times the steps; tests pass a fake one. The system's UTC clock unless set. */
  public B clock(Clock clock) {
    require(clock, "clock");
    this.clock = clock;
    return self();
  }

  /**
   * Where the facade's {@code awaitDeployedAsync} reads, such as {@code Scheduler.of(executor)} on the application's
   * executor, which stays the application's to shut down; tests pass a manual one. Unless set, the first asynchronous
   * wait creates one daemon thread, shut down by the facade's {@code close()}.
   */
  public B scheduler(Scheduler scheduler) {
    require(scheduler, "scheduler");
    this.scheduler = scheduler;
    return self();
  }

  /**
   * A resource the facade's {@code close()} closes, such as an SDK client the caller created only for this instance;
   * may be given several times, closed in that order. Never give resources the application still uses.
   */
  public B onClose(AutoCloseable resource) {
    require(resource, "resource to close");
    this.onClose.add(resource);
    return self();
  }

  /** What was set, for the facade's constructor: read once its builder builds it. */
  protected final Options options() {
    return new Options(this);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The shared options a facade builder set, as its facade's constructor reads them.
   * Internal, not API.
   */
  public static final class Options {
    private final List<ProvisioningListener> listeners;
    private final CdnIdentifierSource identifierSource;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Scheduler scheduler;
    private final List<AutoCloseable> onClose;

    private Options(FacadeBuilder<?> builder) {
      this.listeners = List.copyOf(builder.listeners);
      this.identifierSource = builder.identifierSource;
      this.sleeper = builder.sleeper;
      this.clock = builder.clock;
      this.scheduler = builder.scheduler;
      this.onClose = List.copyOf(builder.onClose);
    }

    /** The listeners, in the order given. */
    public List<ProvisioningListener> listeners() {
      return listeners;
    }

    /** The CDN identifier source. */
    public CdnIdentifierSource identifierSource() {
      return identifierSource;
    }

    /** The sleeper. */
    public Sleeper sleeper() {
      return sleeper;
    }

    /** The clock. */
    public Clock clock() {
      return clock;
    }

    /** The scheduler given, or null when the facade is to create its own. */
    public Scheduler scheduler() {
      return scheduler;
    }

    /**
     * The life of the facade named {@code facade} (called {@code subject} when closing it fails), closing the
     * resources handed over, in that order.
     */
    public Lifecycle lifecycle(String facade, String subject) {
      return new Lifecycle(facade, subject, onClose);
    }
  }
}
