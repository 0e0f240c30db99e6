package dev.idun.admin.traces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads and deletes the runs the trace writer stored ({@code idun_trace_run}, {@code idun_trace_event},
 * {@code idun_trace_span}), in the caller's handle: sessions (one per thread id), one session with every run, its
 * events and spans, run figures per day, and deletion by session or age. Stateless.
 */
public final class TraceStore {
    static final long DAY_MILLIS = 86_400_000L;
    private static final String SEARCH = " WHERE thread_id IN (SELECT thread_id FROM idun_trace_run"
            + " WHERE LOWER(thread_id) LIKE :q ESCAPE '!' OR LOWER(COALESCE(title, '')) LIKE :q ESCAPE '!')";
    private static final String GROUPED =
            " GROUP BY thread_id HAVING MAX(finished_at) >= :from AND MIN(started_at) <= :to";

    /** The sessions of {@code query}, most recently active first, and how many match in all. */
    public Page sessions(Handle h, SessionQuery query) {
        String where = query.search() == null ? "" : SEARCH;
        List<SessionSummary> items = bind(
                        h.createQuery("SELECT thread_id, MIN(started_at) AS created_at,"
                                + " MAX(finished_at) AS last_event_at, COUNT(*) AS run_count,"
                                + " SUM(message_count) AS message_count,"
                                + " SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS error_count,"
                                + " (SELECT t.title FROM idun_trace_run t WHERE t.thread_id = r.thread_id"
                                + " AND t.title IS NOT NULL ORDER BY t.started_at LIMIT 1) AS title"
                                + " FROM idun_trace_run r" + where + GROUPED
                                + " ORDER BY last_event_at DESC, thread_id LIMIT :limit OFFSET :offset"),
                        query)
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> new SessionSummary(
                        rs.getString("thread_id"),
                        rs.getString("title"),
                        rs.getLong("created_at"),
                        rs.getLong("last_event_at"),
                        rs.getLong("run_count"),
                        rs.getLong("message_count"),
                        rs.getLong("error_count")))
                .list();
        long total = bind(
                        h.createQuery(
                                "SELECT COUNT(*) FROM (SELECT thread_id FROM idun_trace_run" + where + GROUPED + ") s"),
                        query)
                .mapTo(Long.class)
                .one();
        return new Page(items, total);
    }

    /** A page of sessions and the number of sessions that match in all. */
    public record Page(List<SessionSummary> items, long total) {}

    private static Query bind(Query q, SessionQuery query) {
        if (query.search() != null) {
            q.bind("q", "%" + escapeLike(query.search().toLowerCase(Locale.ROOT)) + "%");
        }
        return q.bind("from", query.fromMillis()).bind("to", query.toMillis());
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** One session with every run, oldest first, each with its events and spans; empty for an unknown thread. */
    public Optional<ObjectNode> session(Handle h, String threadId) {
        Map<String, ObjectNode> runs = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM idun_trace_run WHERE thread_id = :id ORDER BY started_at, trace_id")
                .bind("id", threadId)
                .map((rs, ctx) -> runJson(rs))
                .forEach(run -> runs.put(run.get("traceId").asText(), run));
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        h.createQuery("SELECT e.trace_id, e.seq, e.event_type, e.payload, e.created_at FROM idun_trace_event e"
                        + " JOIN idun_trace_run r ON r.trace_id = e.trace_id WHERE r.thread_id = :id"
                        + " ORDER BY e.trace_id, e.seq")
                .bind("id", threadId)
                .map((rs, ctx) -> {
                    ObjectNode event = Json.object()
                            .put("seq", rs.getInt("seq"))
                            .put("type", rs.getString("event_type"))
                            .put("createdAt", iso(rs.getLong("created_at")));
                    event.set("payload", Json.parse(rs.getString("payload")));
                    return Map.entry(rs.getString("trace_id"), event);
                })
                .forEach(e -> ((ArrayNode) runs.get(e.getKey()).get("events")).add(e.getValue()));
        h.createQuery("SELECT s.* FROM idun_trace_span s JOIN idun_trace_run r ON r.trace_id = s.trace_id"
                        + " WHERE r.thread_id = :id ORDER BY s.trace_id, s.started_at_nanos, s.span_id")
                .bind("id", threadId)
                .map((rs, ctx) -> Map.entry(rs.getString("trace_id"), spanJson(rs)))
                .forEach(e -> ((ArrayNode) runs.get(e.getKey()).get("spans")).add(e.getValue()));
        ObjectNode session = Json.object().put("id", threadId);
        ArrayNode list = session.putArray("runs");
        runs.values().forEach(list::add);
        return Optional.of(session);
    }

    private static ObjectNode runJson(ResultSet rs) throws SQLException {
        ObjectNode run = Json.object()
                .put("runId", rs.getString("run_id"))
                .put("traceId", rs.getString("trace_id"))
                .put("title", rs.getString("title"))
                .put("startedAt", iso(rs.getLong("started_at")))
                .put("finishedAt", iso(rs.getLong("finished_at")))
                .put("durationMs", rs.getLong("duration_ms"))
                .put("status", rs.getString("status"))
                .put("error", rs.getString("error_message"));
        run.putObject("tokens").put("input", rs.getLong("input_tokens")).put("output", rs.getLong("output_tokens"));
        run.put("droppedEvents", rs.getInt("dropped_events"));
        run.putArray("events");
        run.putArray("spans");
        return run;
    }

    private static ObjectNode spanJson(ResultSet rs) throws SQLException {
        long start = rs.getLong("started_at_nanos");
        long end = rs.getLong("ended_at_nanos");
        ObjectNode span = Json.object()
                .put("spanId", rs.getString("span_id"))
                .put("parentSpanId", rs.getString("parent_span_id"))
                .put("name", rs.getString("name"))
                .put("startedAt", Instant.ofEpochSecond(0, start).toString())
                .put("durationMs", Math.max(0, end - start) / 1_000_000.0)
                .put("status", rs.getString("status"))
                .put("statusMessage", rs.getString("status_message"));
        span.set("attributes", Json.parse(rs.getString("attributes")));
        return span;
    }

    /** Deletes a session's runs, events and spans; returns how many runs it had (0: unknown session). */
    public int deleteSession(Handle h, String threadId) {
        String runs = "SELECT trace_id FROM idun_trace_run WHERE thread_id = :id";
        h.createUpdate("DELETE FROM idun_trace_event WHERE trace_id IN (" + runs + ")")
                .bind("id", threadId)
                .execute();
        h.createUpdate("DELETE FROM idun_trace_span WHERE trace_id IN (" + runs + ")")
                .bind("id", threadId)
                .execute();
        return h.createUpdate("DELETE FROM idun_trace_run WHERE thread_id = :id")
                .bind("id", threadId)
                .execute();
    }

    /** Deletes the runs that started before {@code cutoff}, with their events and spans; returns how many runs. */
    public int deleteStartedBefore(Handle h, Instant cutoff) {
        String runs = "SELECT trace_id FROM idun_trace_run WHERE started_at < :cutoff";
        long millis = cutoff.toEpochMilli();
        h.createUpdate("DELETE FROM idun_trace_event WHERE trace_id IN (" + runs + ")")
                .bind("cutoff", millis)
                .execute();
        h.createUpdate("DELETE FROM idun_trace_span WHERE trace_id IN (" + runs + ")")
                .bind("cutoff", millis)
                .execute();
        return h.createUpdate("DELETE FROM idun_trace_run WHERE started_at < :cutoff")
                .bind("cutoff", millis)
                .execute();
    }

    /** Figures of the runs that started on the {@code days} UTC days ending with {@code today}. */
    public MetricsSummary summary(Handle h, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<String, Object> totals = h.createQuery("SELECT COUNT(*) AS runs,"
                        + " SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors,"
                        + " SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens"
                        + " FROM idun_trace_run WHERE started_at >= :from")
                .bind("from", from)
                .mapToMap()
                .one();
        long runs = number(totals.get("runs"));
        Map<Long, long[]> perDay = new HashMap<>();
        h.createQuery("SELECT started_at / " + DAY_MILLIS + " AS day, COUNT(*) AS runs,"
                        + " SUM(CASE WHEN status = 'error' THEN 1 ELSE 0 END) AS errors FROM idun_trace_run"
                        + " WHERE started_at >= :from GROUP BY started_at / " + DAY_MILLIS)
                .bind("from", from)
                .map((rs, ctx) -> Map.entry(rs.getLong("day"), new long[] {rs.getLong("runs"), rs.getLong("errors")}))
                .forEach(e -> perDay.put(e.getKey(), e.getValue()));
        List<MetricsSummary.Day> byDay = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            long[] counts = perDay.getOrDefault(day.toEpochDay(), new long[2]);
            byDay.add(new MetricsSummary.Day(day.toString(), counts[0], counts[1]));
        }
        return new MetricsSummary(
                runs,
                number(totals.get("errors")),
                percentile(h, from, runs, 50),
                percentile(h, from, runs, 95),
                number(totals.get("input_tokens")),
                number(totals.get("output_tokens")),
                byDay);
    }

    /** The nearest-rank percentile of run durations (0 when there are no runs). */
    private static long percentile(Handle h, long from, long runs, int percent) {
        if (runs == 0) {
            return 0;
        }
        long rank = Math.max(1, (runs * percent + 99) / 100);
        return h.createQuery("SELECT duration_ms FROM idun_trace_run WHERE started_at >= :from"
                        + " ORDER BY duration_ms LIMIT 1 OFFSET :skip")
                .bind("from", from)
                .bind("skip", rank - 1)
                .mapTo(Long.class)
                .one();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
