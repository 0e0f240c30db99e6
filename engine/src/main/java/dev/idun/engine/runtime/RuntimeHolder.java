package dev.idun.engine.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the live runtime. A reload swaps in a new one in one atomic step; the old one is retired in the background
 * once its runs have ended (or the drain time has passed). Thread-safe.
 */
public final class RuntimeHolder implements AutoCloseable {
    private final AtomicReference<LiveRuntime> current;
    private final Duration drainTime;
    private final ExecutorService retirer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "runtime-retirer");
        thread.setDaemon(true);
        return thread;
    });

    public RuntimeHolder(LiveRuntime initial, Duration drainTime) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.drainTime = Objects.requireNonNull(drainTime, "drainTime");
    }

    public LiveRuntime current() {
        return current.get();
    }

    /** A lease on the live runtime for one run; never blocks. */
    public LiveRuntime.Lease acquire() {
        while (true) {
            Optional<LiveRuntime.Lease> lease = current.get().tryAcquire();
            if (lease.isPresent()) {
                return lease.get();
            }
            Thread.onSpinWait();
        }
    }

    /** Makes {@code next} live and retires the previous runtime in the background. */
    public void swap(LiveRuntime next) {
        LiveRuntime previous = current.getAndSet(Objects.requireNonNull(next, "next"));
        if (previous != next) {
            retirer.execute(() -> previous.retire(drainTime));
        }
    }

    @Override
    public void close() {
        retirer.shutdown();
        try {
            retirer.awaitTermination(drainTime.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.get().close();
    }
}
