package dev.idun.engine.observability;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports ended spans in batches from a background thread: a bounded queue that a span joins without ever waiting
 * (a full queue drops the span and counts it), and one exporter call at a time, bounded by a timeout. A run never
 * waits for the collector and never fails because of it. Thread-safe.
 */
final class ExportQueue implements SpanProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ExportQueue.class);
    static final int BATCH = 512;

    private final ExportTarget target;
    private final SpanExporter exporter;
    private final ArrayBlockingQueue<SpanData> queue;
    private final Duration delay;
    private final Duration exportTimeout;
    private final AtomicLong exported = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread worker;

    ExportQueue(ExportTarget target, SpanExporter exporter, int capacity, Duration delay, Duration exportTimeout) {
        this.target = target;
        this.exporter = exporter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.delay = delay;
        this.exportTimeout = exportTimeout;
        this.worker = new Thread(this::work, "otlp-export-" + target.provider().toLowerCase(java.util.Locale.ROOT));
        worker.setDaemon(true);
        worker.start();
    }

    ExportStats stats() {
        return new ExportStats(
                target.provider(), target.endpoint(), exported.get(), dropped.get(), failed.get(), queue.size());
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (stopping.get() || !queue.offer(span.toSpanData())) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    private void work() {
        List<SpanData> batch = new ArrayList<>(BATCH);
        while (!stopping.get() || !queue.isEmpty()) {
            try {
                SpanData first = queue.poll(delay.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                export(batch);
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void export(List<SpanData> batch) {
        CompletableResultCode result;
        try {
            result = exporter.export(List.copyOf(batch)).join(exportTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warn("Span export to {} failed: {}", target.provider(), e.toString());
            failed.addAndGet(batch.size());
            return;
        }
        if (result.isSuccess()) {
            exported.addAndGet(batch.size());
        } else {
            failed.addAndGet(batch.size());
            LOG.warn("Span export to {} failed or timed out ({} spans lost)", target.provider(), batch.size());
        }
    }

    /** Stops taking spans, exports what is queued within {@code wait}, then shuts the exporter down. */
    @Override
    public CompletableResultCode shutdown() {
        return close(Duration.ofSeconds(5));
    }

    CompletableResultCode close(Duration wait) {
        if (stopping.compareAndSet(false, true)) {
            try {
                worker.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.interrupt();
            dropped.addAndGet(queue.size());
            queue.clear();
            exporter.shutdown().join(1, TimeUnit.SECONDS);
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode forceFlush() {
        return CompletableResultCode.ofSuccess();
    }
}
