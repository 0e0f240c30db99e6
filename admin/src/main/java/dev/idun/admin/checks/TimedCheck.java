package dev.idun.admin.checks;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a probe on a thread of its own with a hard time limit, so that a hanging network call cannot hold a request:
 * past the limit the probe is interrupted and the answer is {@code "<kind> check timed out after 5.0s"}. An exception
 * from the probe becomes {@code "unexpected failure: <Class>: <message>"}. Stateless and thread-safe.
 */
public final class TimedCheck {
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(5);

    private final String kind;
    private final Duration limit;

    public TimedCheck(String kind, Duration limit) {
        this.kind = kind;
        this.limit = limit;
    }

    public ConnectionCheck run(Callable<ConnectionCheck> probe) {
        FutureTask<ConnectionCheck> task = new FutureTask<>(probe);
        Thread thread = new Thread(task, kind + "-connection-check");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return ConnectionCheck.fail(kind + " check timed out after "
                    + String.format(Locale.ROOT, "%.1f", limit.toMillis() / 1000.0) + "s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ConnectionCheck.fail(
                    "unexpected failure: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return ConnectionCheck.fail(kind + " check was interrupted");
        }
    }
}
