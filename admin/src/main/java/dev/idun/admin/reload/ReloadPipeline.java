package dev.idun.admin.reload;

import dev.idun.admin.configstore.AssemblyException;
import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.ConfigVersionStore;
import dev.idun.admin.db.RuntimeStateRow;
import dev.idun.admin.db.RuntimeStateStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.ErrorCode;
import dev.idun.config.ConfigDocument;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies config changes to the database and the running agent together, or not at all. One lock serializes every
 * mutation; the change is staged in a transaction, the config is assembled from the staged rows and validated, a new
 * runtime is built while the old one keeps serving, the transaction commits with a new config version, and the new
 * runtime goes live. Any failure rolls the transaction back and leaves the live runtime untouched.
 */
public final class ReloadPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadPipeline.class);
    static final String FAILED_MESSAGE = "Engine reload failed; config not saved.";

    private final Jdbi jdbi;
    private final ConfigStore store;
    private final RuntimeReloader reloader;
    private final MonotonicClock clock;
    private final ConfigVersionStore versions = new ConfigVersionStore();
    private final RuntimeStateStore runtimeState = new RuntimeStateStore();
    private final ReentrantLock lock = new ReentrantLock(true);
    private long lastFailedSyncVersion = -1;

    public ReloadPipeline(Jdbi jdbi, ConfigStore store, RuntimeReloader reloader, MonotonicClock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.store = Objects.requireNonNull(store, "store");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A change to the stored config, run inside the pipeline's transaction. */
    @FunctionalInterface
    public interface Stage<T> {
        T apply(Handle handle, Instant now);
    }

    /** The staged result and what happened to the running agent. */
    public record Mutation<T>(T data, ReloadResult reload) {}

    public MonotonicClock clock() {
        return clock;
    }

    /** Reads the stored config in a short transaction of its own. */
    public <T> T read(java.util.function.Function<Handle, T> reader) {
        return jdbi.inTransaction(reader::apply);
    }

    public <T> Mutation<T> mutate(Stage<T> stage) {
        return apply(stage, false);
    }

    /** Stages, validates and builds, then throws it all away: tells whether a change would apply. */
    public <T> Mutation<T> dryRun(Stage<T> stage) {
        return apply(stage, true);
    }

    private <T> Mutation<T> apply(Stage<T> stage, boolean dryRun) {
        lock.lock();
        try (Handle handle = jdbi.open()) {
            handle.begin();
            RuntimeReloader.PreparedRuntime prepared = null;
            try {
                Instant now = clock.now();
                Integer portBefore = store.storedPort(handle).orElse(null);
                T data = stage.apply(handle, now);
                EngineConfig config = assemble(handle);
                long version = versions.bump(handle, now);
                prepared = build(handle, config, version, now, dryRun);
                if (dryRun) {
                    handle.rollback();
                    prepared.discard();
                    return new Mutation<>(data, ReloadResult.VALIDATED);
                }
                handle.commit();
                RuntimeReloader.PreparedRuntime live = prepared;
                prepared = null;
                live.activate();
                boolean portChanged = portBefore != null
                        && config.configured()
                        && portBefore != config.server().port();
                ReloadResult result = portChanged ? ReloadResult.RESTART_REQUIRED : ReloadResult.RELOADED;
                record(result, null, ConfigDocument.hash(config), now);
                return new Mutation<>(data, result);
            } catch (RuntimeException e) {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
                if (prepared != null) {
                    prepared.discard();
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private EngineConfig assemble(Handle handle) {
        try {
            return store.load(handle);
        } catch (AssemblyException e) {
            throw AdminApiException.validation(e.getMessage(), e.errors());
        }
    }

    private RuntimeReloader.PreparedRuntime build(
            Handle handle, EngineConfig config, long version, Instant now, boolean dryRun) {
        try {
            return reloader.prepare(config, version);
        } catch (ReloadFailedException e) {
            handle.rollback();
            LOG.warn("Reload failed, the running config stays live: {}", e.getMessage());
            if (!dryRun) {
                record(new ReloadResult("reload_failed", FAILED_MESSAGE, e.getMessage()), e.getMessage(), null, now);
            }
            throw new AdminApiException(
                    500,
                    ErrorCode.RELOAD_FAILED,
                    dryRun ? "Engine build failed; nothing was saved." : FAILED_MESSAGE,
                    Json.object().put("recovered", true).put("reason", e.getMessage()),
                    null);
        }
    }

    private void record(ReloadResult result, String error, String hash, Instant now) {
        try {
            jdbi.useTransaction(h -> runtimeState.upsert(
                    h, new RuntimeStateRow(result.status(), result.message(), error, now, hash, now)));
        } catch (RuntimeException e) {
            LOG.error("Could not record the reload outcome", e);
        }
    }

    /**
     * Rebuilds the runtime when the database holds a newer config version than the live one (written by another
     * instance or by {@code idun import}). Returns true when a new runtime went live.
     */
    public boolean syncFromDatabase() {
        if (!lock.tryLock()) {
            return false;
        }
        try (Handle handle = jdbi.open()) {
            long stored = versions.current(handle);
            if (stored <= reloader.liveStatus().configVersion() || stored == lastFailedSyncVersion) {
                return false;
            }
            EngineConfig config = store.load(handle);
            reloader.prepare(config, stored).activate();
            LOG.info("Applied config version {} from the database", stored);
            return true;
        } catch (AssemblyException | ReloadFailedException e) {
            LOG.error("Could not apply the stored config, keeping the running one: {}", e.getMessage());
            jdbi.useHandle(h -> lastFailedSyncVersion = versions.current(h));
            return false;
        } finally {
            lock.unlock();
        }
    }
}
