package io.github.mediapackagecdn.core.event;

/**
 * Receives every {@link ProvisioningEvent} of a {@code ChannelCdn}, on the thread that did the step; register it with
 * {@code ChannelCdn.builder().listener(event -> ...)}. Several listeners are called in the order they were registered.
 * Keep it quick and thread-safe: it runs inside provisioning, from any caller's thread. If it throws, the exception is
 * logged (once per listener, at WARN) and provisioning goes on exactly as without it.
 */
@FunctionalInterface
public interface ProvisioningListener {

  /** Called once for each step, after the step. */
  void on(ProvisioningEvent event);
}
