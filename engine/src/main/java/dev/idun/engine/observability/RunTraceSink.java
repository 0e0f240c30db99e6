package dev.idun.engine.observability;

/**
 * Where finished runs go to be stored. {@link #accept} is called on the run's own thread as the run ends, so it must
 * return at once: an implementation queues the trace or drops it, and never blocks or throws.
 */
@FunctionalInterface
public interface RunTraceSink {
    /** A sink that keeps nothing. */
    RunTraceSink NONE = trace -> {};

    void accept(RunTrace trace);
}
