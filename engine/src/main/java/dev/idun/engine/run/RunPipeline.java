package dev.idun.engine.run;

import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.AgentUnavailableException;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every entry point runs the agent: it leases the live runtime (so a reload never pulls it away
 * mid-run), frames the agent's events with {@code RUN_STARTED} and {@code RUN_FINISHED}, and turns a failure into a
 * {@code RUN_ERROR} event. Thread-safe.
 */
public final class RunPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(RunPipeline.class);

    private final RuntimeHolder runtimes;

    public RunPipeline(RuntimeHolder runtimes) {
        this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    }

    /** Leases the live runtime for one run; throws {@link AgentNotReadyException} when no agent is configured. */
    public LiveRuntime.Lease begin() {
        LiveRuntime.Lease lease = runtimes.acquire();
        if (!lease.runtime().agentReady()) {
            lease.close();
            throw new AgentNotReadyException();
        }
        return lease;
    }

    /** Runs the agent on the leased runtime, emitting every event to {@code sink}; releases the lease. */
    public void run(LiveRuntime.Lease lease, RunInput input, EventSink sink) {
        try (lease) {
            Agent agent = lease.runtime().agent().orElseThrow(AgentNotReadyException::new);
            sink.emit(new AgUiEvent.RunStarted(input.threadId(), input.runId()));
            try {
                agent.run(input, sink);
            } catch (AgentUnavailableException e) {
                sink.emit(new AgUiEvent.RunError(e.getMessage(), "AGENT_UNAVAILABLE"));
                return;
            } catch (Exception e) {
                if (e instanceof java.io.UncheckedIOException) {
                    throw (java.io.UncheckedIOException) e;
                }
                LOG.warn("Agent run {} failed", input.runId(), e);
                sink.emit(new AgUiEvent.RunError("Agent execution failed: " + e.getMessage(), "FRAMEWORK_ERROR"));
                return;
            }
            sink.emit(new AgUiEvent.RunFinished(input.threadId(), input.runId()));
        }
    }
}
