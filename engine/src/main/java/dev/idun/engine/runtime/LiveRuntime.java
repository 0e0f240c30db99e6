package dev.idun.engine.runtime;

import dev.idun.config.EngineConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.guardrail.Guardrails;
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
 * Everything built from one {@link EngineConfig}: the agent and what surrounds it. Never changed after it is built;
 * a reload builds a new one. Runs hold a {@link Lease} so that a replaced runtime closes only after its last run.
 * Thread-safe.
 */
public final class LiveRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);

    private final EngineConfig config;
    private final long configVersion;
    private final Agent agent;
    private final OidcVerifier sso;
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
        this(config, configVersion, agent, sso, Guardrails.none(), warnings);
    }

    /** As above, with the input and output guards of the config. */
    public LiveRuntime(
            EngineConfig config,
            long configVersion,
            Agent agent,
            OidcVerifier sso,
            Guardrails guardrails,
            List<String> warnings) {
        this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
        this.config = Objects.requireNonNull(config, "config");
        this.configVersion = configVersion;
        this.agent = agent;
        this.sso = sso;
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

    public Guardrails guardrails() {
        return guardrails;
    }

    public List<String> warnings() {
        return warnings;
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

    /** Closes the agent at once; idempotent. */
    public void close() {
        if (closed.compareAndSet(false, true) && agent != null) {
            try {
                agent.close();
            } catch (Exception e) {
                LOG.warn("Agent close failed: {}", e.toString());
            }
        }
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
