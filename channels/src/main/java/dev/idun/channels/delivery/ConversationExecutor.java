package dev.idun.channels.delivery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs channel work in the background: tasks of one conversation one after another in submission order, different
 * conversations in parallel on at most {@code workers} threads, at most {@code maxQueued} tasks waiting or running
 * in all. A worker runs one task of a conversation and then queues the conversation again, so a busy conversation
 * does not hold a worker while others wait. Thread-safe.
 */
final class ConversationExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationExecutor.class);

    private final ExecutorService workers;
    private final int maxQueued;
    private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();
    private int queued;
    private boolean closed;

    ConversationExecutor(int workers, int maxQueued) {
        if (workers < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("workers and maxQueued must be at least 1");
        }
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "channel-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.maxQueued = maxQueued;
    }

    /** Whether a task would be accepted now. */
    synchronized boolean hasRoom() {
        return !closed && queued < maxQueued;
    }

    /** Queues {@code task} behind the conversation's earlier tasks; false when full or closed. */
    boolean submit(String conversation, Runnable task) {
        synchronized (this) {
            if (closed || queued >= maxQueued) {
                return false;
            }
            queued++;
            ArrayDeque<Runnable> queue = queues.get(conversation);
            if (queue != null) {
                queue.add(task);
                return true;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            queues.put(conversation, queue);
        }
        schedule(conversation);
        return true;
    }

    private void schedule(String conversation) {
        try {
            workers.execute(() -> runNext(conversation));
        } catch (RejectedExecutionException e) {
            LOG.warn("Channel work of a conversation dropped at shutdown");
        }
    }

    private void runNext(String conversation) {
        Runnable task;
        synchronized (this) {
            task = queues.get(conversation).peek();
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Channel work failed", e);
        }
        boolean more;
        synchronized (this) {
            ArrayDeque<Runnable> queue = queues.get(conversation);
            queue.poll();
            queued--;
            more = !queue.isEmpty();
            if (!more) {
                queues.remove(conversation);
            }
        }
        if (more) {
            schedule(conversation);
        }
    }

    /** Stops taking tasks and waits up to {@code wait} for the running ones, then interrupts them. */
    void close(Duration wait) {
        synchronized (this) {
            closed = true;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
