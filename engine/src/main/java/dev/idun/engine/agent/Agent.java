package dev.idun.engine.agent;

/**
 * The agent SPI: one instance serves every run of one runtime, possibly from several threads at once. A run emits
 * its text and tool events to the sink; the pipeline adds the run start, finish and error events around it.
 */
public interface Agent extends AutoCloseable {
    void run(RunInput input, EventSink sink) throws Exception;

    /** Releases what the agent holds; called once, after its last run. */
    @Override
    default void close() {}
}
