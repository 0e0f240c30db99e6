package dev.idun.engine.runtime;

import dev.idun.config.EngineConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.guardrail.Guardrails;
import dev.idun.engine.mcp.McpToolbox;
import dev.idun.engine.observability.Telemetry;
import dev.idun.engine.sso.OidcVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything built from one {@link EngineConfig}: the agent and what surrounds it (SSO, the MCP servers' tools). Never changed after it is built;
 * a reload builds a new one. Runs hold a {@link Lease} so that a replaced runtime closes only after its last run.
 * Thread-safe.
 */
public final class LiveRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);

    private final EngineConfig config;
    private final long configVersion;
    private final Agent agent;
    private final OidcVerifier sso;
    private final Telemetry telemetry;
    private final McpToolbox mcp;
    private final Guardrails guardrails;
    private final List<String> warnings;
    private final AtomicInteger activeRuns = new AtomicInteger();
    private final AtomicBoolean retiring = new AtomicBoolean();
    private final Object drained = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    public LiveRuntime(EngineConfig config, long configVersion, Agent agent, List<String> warnings) {
        this(config, configVersion, agent, null, warnings);
    }

    /** {@code agent} null: no agent configured; {@code sso} null: chat routes are not protected by SSO. */
    public LiveRuntime(EngineConfig config, long configVersion, Agent agent, OidcVerifier sso, List<String> warnings) {
        this(config, configVersion, agent, sso, McpToolbox.none(), null, Guardrails.none(), warnings);
    }

    /**
     * As above, with the MCP servers' connections (closed with this runtime), the telemetry ({@code null}: spans are
     * recorded for the trace store only, nothing is exported) and the input and output guards of the config.
     */
    public LiveRuntime(
            EngineConfig config,
            long configVersion,
            Agent agent,
            OidcVerifier sso,
            McpToolbox mcp,
            Telemetry telemetry,
            Guardrails guardrails,
            List<String> warnings) {
        this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
        this.config = Objects.requireNonNull(config, "config");
        this.configVersion = configVersion;
        this.agent = agent;
        this.sso = sso;
        this.mcp = Objects.requireNonNull(mcp, "mcp");
        this.telemetry = telemetry != null
                ? telemetry
                : Telemetry.local(
                        config.agent() == null ? "idun-agent" : config.agent().name());
        this.warnings = List.copyOf(warnings);
    }

    /** A runtime with no agent: the server answers agent routes with 503 until one is configured. */
    public static LiveRuntime unconfigured(EngineConfig config, long configVersion) {
        return new LiveRuntime(config, configVersion, null, List.of());
    }

    public EngineConfig config() {
        return config;
    }

    public long configVersion() {
        return configVersion;
    }

    public boolean agentReady() {
        return agent != null;
    }

    public Optional<Agent> agent() {
        return Optional.ofNullable(agent);
    }

    /** The verifier of chat bearer tokens when SSO is enabled. */
    public Optional<OidcVerifier> sso() {
        return Optional.ofNullable(sso);
    }

    /** The spans of this runtime's runs and their export. */
    public Telemetry telemetry() {
        return telemetry;
    }

    public Guardrails guardrails() {
        return guardrails;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The MCP servers that could not be connected when this runtime was built; the agent runs without them. */
    public List<McpToolbox.Failure> mcpFailures() {
        return mcp.failures();
    }

    /** The tools of the connected MCP servers. */
    public McpToolbox mcpTools() {
        return mcp;
    }

    public int activeRuns() {
        return activeRuns.get();
    }

    /** A lease for one run, or empty when this runtime is being retired (ask the holder for the new one). */
    Optional<Lease> tryAcquire() {
        activeRuns.incrementAndGet();
        if (retiring.get()) {
            release();
            return Optional.empty();
        }
        return Optional.of(new Lease(this));
    }

    private void release() {
        if (activeRuns.decrementAndGet() == 0 && retiring.get()) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Stops new runs, waits until the running ones end or {@code maxWait} passes, then closes. */
    void retire(Duration maxWait) {
        retiring.set(true);
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (drained) {
            while (activeRuns.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn(
                            "Closing a replaced runtime with {} run(s) still in flight after {}",
                            activeRuns.get(),
                            maxWait);
                    break;
                }
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
    }

    /** Closes the agent, then the MCP connections (stopping stdio server processes), then the telemetry (exporting
     * what is queued, bounded); idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (agent != null) {
            try {
                agent.close();
            } catch (Exception e) {
                LOG.warn("Agent close failed: {}", e.toString());
            }
        }
        try {
            mcp.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the MCP connections failed: {}", e.toString());
        }
        telemetry.close();
    }

    /** Keeps a runtime open for the duration of one run. */
    public static final class Lease implements AutoCloseable {
        private final LiveRuntime runtime;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(LiveRuntime runtime) {
            this.runtime = runtime;
        }

        public LiveRuntime runtime() {
            return runtime;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                runtime.release();
            }
        }
    }
}
