package dev.idun.engine.traces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.engine.observability.RunTrace;
import dev.idun.engine.observability.RunTraceSink;
import dev.idun.engine.observability.TracedEvent;
import dev.idun.engine.observability.TracedSpan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores finished runs in the trace tables ({@code idun_trace_run}, {@code idun_trace_event},
 * {@code idun_trace_span}) from one background thread, in batches of up to {@link #BATCH} runs per transaction. A
 * run joins a bounded queue without waiting: when the queue is full (the database is slow or stuck) the run is
 * dropped and counted, so the request path never waits for the database. Thread-safe.
 */
public final class JdbcTraceWriter implements RunTraceSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTraceWriter.class);
    public static final int DEFAULT_CAPACITY = 1000;
    static final int BATCH = 10;

    private final DataSource dataSource;
    private final ReentrantLock writeLock;
    private final ArrayBlockingQueue<RunTrace> queue;
    private final int capacity;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread worker;

    /** Starts the writer thread; the trace tables must exist in {@code dataSource}'s database. */
    public JdbcTraceWriter(DataSource dataSource, int capacity) {
        this(dataSource, capacity, new ReentrantLock());
    }

    /** As above, writing each batch under {@code writeLock} (shared with the server's history store). */
    public JdbcTraceWriter(DataSource dataSource, int capacity, ReentrantLock writeLock) {
        this.writeLock = Objects.requireNonNull(writeLock, "writeLock");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::work, "trace-writer");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void accept(RunTrace trace) {
        if (!closing.get() && queue.offer(trace)) {
            accepted.incrementAndGet();
        } else {
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.warn("Trace writer queue full: {} run trace(s) dropped so far", count);
            }
        }
    }

    public TraceWriterStats stats() {
        return new TraceWriterStats(accepted.get(), written.get(), dropped.get(), failed.get(), queue.size(), capacity);
    }

    /** Waits until every run accepted so far is written or lost, at most {@code wait}; true when the queue drained. */
    public boolean flush(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (written.get() + failed.get() < accepted.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void work() {
        List<RunTrace> batch = new ArrayList<>(BATCH);
        while (!closing.get() || !queue.isEmpty()) {
            try {
                RunTrace first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<RunTrace> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                insertLocked(batch);
                written.addAndGet(batch.size());
                return;
            } catch (SQLException | RuntimeException e) {
                if (attempt == 3) {
                    failed.addAndGet(batch.size());
                    LOG.warn("Could not store {} run trace(s): {}", batch.size(), e.toString());
                    return;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    failed.addAndGet(batch.size());
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Serializes the batch first, so the shared write lock is held only while rows go in. */
    private void insertLocked(List<RunTrace> batch) throws SQLException {
        List<SerializedRun> rows = batch.stream().map(SerializedRun::of).toList();
        writeLock.lock();
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, rows);
        } finally {
            writeLock.unlock();
        }
    }

    /** A run with its event payloads and span attributes already written as JSON. */
    private record SerializedRun(RunTrace run, List<String> payloads, List<String> spanAttributes) {
        static SerializedRun of(RunTrace run) {
            List<String> payloads = new ArrayList<>(run.events().size());
            for (TracedEvent event : run.events()) {
                ObjectNode payload = event.event().toJson();
                payload.put("timestamp", event.emittedAtMillis());
                payloads.add(Json.write(payload));
            }
            List<String> attributes = new ArrayList<>(run.spans().size());
            for (TracedSpan span : run.spans()) {
                ObjectNode json = Json.object();
                for (Map.Entry<String, Object> entry : span.attributes().entrySet()) {
                    json.set(entry.getKey(), Json.mapper().valueToTree(entry.getValue()));
                }
                attributes.add(Json.write(json));
            }
            return new SerializedRun(run, payloads, attributes);
        }
    }

    private static void insert(Connection connection, List<SerializedRun> batch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement runs = connection.prepareStatement("INSERT INTO idun_trace_run (trace_id, thread_id,"
                        + " run_id, title, status, error_message, started_at, finished_at, duration_ms, input_tokens,"
                        + " output_tokens, message_count, event_count, dropped_events)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement events = connection.prepareStatement("INSERT INTO idun_trace_event (trace_id, seq,"
                        + " event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement spans = connection.prepareStatement("INSERT INTO idun_trace_span (trace_id,"
                        + " span_id, parent_span_id, name, started_at_nanos, ended_at_nanos, status, status_message,"
                        + " attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SerializedRun row : batch) {
                RunTrace run = row.run();
                bindRun(runs, run);
                runs.addBatch();
                for (int i = 0; i < run.events().size(); i++) {
                    TracedEvent event = run.events().get(i);
                    events.setString(1, run.traceId());
                    events.setInt(2, event.seq());
                    events.setString(3, event.event().type());
                    events.setString(4, row.payloads().get(i));
                    events.setLong(5, event.emittedAtMillis());
                    events.addBatch();
                }
                for (int i = 0; i < run.spans().size(); i++) {
                    bindSpan(
                            spans,
                            run.traceId(),
                            run.spans().get(i),
                            row.spanAttributes().get(i));
                    spans.addBatch();
                }
            }
            runs.executeBatch();
            events.executeBatch();
            spans.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void bindRun(PreparedStatement runs, RunTrace run) throws SQLException {
        runs.setString(1, run.traceId());
        runs.setString(2, run.threadId());
        runs.setString(3, run.runId());
        runs.setString(4, run.title());
        runs.setString(5, run.status());
        runs.setString(6, run.errorMessage());
        runs.setLong(7, run.startedAtMillis());
        runs.setLong(8, run.finishedAtMillis());
        runs.setLong(9, run.durationMillis());
        runs.setLong(10, run.inputTokens());
        runs.setLong(11, run.outputTokens());
        runs.setInt(12, run.messageCount());
        runs.setInt(13, run.events().size() + run.droppedEvents());
        runs.setInt(14, run.droppedEvents());
    }

    private static void bindSpan(PreparedStatement spans, String traceId, TracedSpan span, String attributes)
            throws SQLException {
        spans.setString(1, traceId);
        spans.setString(2, span.spanId());
        spans.setString(3, span.parentSpanId());
        spans.setString(
                4, span.name().length() <= 255 ? span.name() : span.name().substring(0, 255));
        spans.setLong(5, span.startEpochNanos());
        spans.setLong(6, span.endEpochNanos());
        spans.setString(7, span.status());
        spans.setString(
                8, span.statusMessage() == null || span.statusMessage().isEmpty() ? null : span.statusMessage());
        spans.setString(9, attributes);
    }

    /** Stops taking runs and writes what is queued, waiting at most {@code wait}; the rest is counted as dropped. */
    public void close(Duration wait) {
        if (closing.compareAndSet(false, true)) {
            try {
                worker.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.interrupt();
            int left = queue.size();
            queue.clear();
            dropped.addAndGet(left);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
