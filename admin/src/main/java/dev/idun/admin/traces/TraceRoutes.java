package dev.idun.admin.traces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The trace API: {@code GET /admin/api/v1/traces/sessions} (a page of sessions), {@code GET} and {@code DELETE}
 * {@code /admin/api/v1/traces/sessions/{id}}, {@code GET /admin/api/v1/traces/status} (writer and export counters)
 * and {@code GET /admin/api/v1/metrics/summary}. Bad query parameters answer 422 with a field error per parameter.
 */
public final class TraceRoutes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_DAYS = 366;

    private final Jdbi jdbi;
    private final TraceStore store;
    private final Clock clock;
    private final Supplier<ObjectNode> status;

    /** {@code status} describes the trace writer and the live runtime's export (counters, queue sizes). */
    public TraceRoutes(Jdbi jdbi, TraceStore store, Clock clock, Supplier<ObjectNode> status) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = Objects.requireNonNull(status, "status");
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/api/v1/traces/sessions", this::list);
        routes.get("/admin/api/v1/traces/sessions/{id}", this::get);
        routes.delete("/admin/api/v1/traces/sessions/{id}", this::delete);
        routes.get("/admin/api/v1/traces/status", ctx -> HttpJson.send(ctx, 200, status.get()));
        routes.get("/admin/api/v1/metrics/summary", this::summary);
    }

    private void list(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        int limit = integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int offset = integer(ctx, "offset", 0, 0, Integer.MAX_VALUE, errors);
        long from = time(ctx, "from", false, errors);
        long to = time(ctx, "to", true, errors);
        if (errors.isEmpty() && from > to) {
            errors.add(new FieldError("query.to", "to must not be before from", "value_error"));
        }
        failOn(errors);
        String search = ctx.queryParam("q") != null ? ctx.queryParam("q") : ctx.queryParam("search");
        SessionQuery query =
                new SessionQuery(limit, offset, search == null || search.isBlank() ? null : search.strip(), from, to);
        TraceStore.Page page = jdbi.withHandle(h -> store.sessions(h, query));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(s -> items.add(s.toJson()));
        body.put("total", page.total());
        HttpJson.send(ctx, 200, body);
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode session = jdbi.inTransaction(h -> store.session(h, id))
                .orElseThrow(() -> AdminApiException.notFound("Trace session not found: " + id));
        HttpJson.send(ctx, 200, session);
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("id");
        int runs = jdbi.inTransaction(h -> store.deleteSession(h, id));
        if (runs == 0) {
            throw AdminApiException.notFound("Trace session not found: " + id);
        }
        HttpJson.send(ctx, 200, Json.object().put("id", id).put("deleted", true).put("runs", runs));
    }

    private void summary(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        int days = integer(ctx, "days", 7, 1, MAX_DAYS, errors);
        failOn(errors);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HttpJson.send(
                ctx, 200, jdbi.withHandle(h -> store.summary(h, today, days)).toJson());
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw AdminApiException.validation("Request query failed validation.", errors);
        }
    }

    private static int integer(Context ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                String bound =
                        max == Integer.MAX_VALUE ? "greater than or equal to " + min : "between " + min + " and " + max;
                errors.add(new FieldError("query." + name, "Input should be " + bound, "value_error"));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError("query." + name, "Input should be a valid integer", "int_parsing"));
            return fallback;
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-05-01T10:00:00Z}, any offset), a date ({@code 2026-05-01}: its start for
     * {@code from}, its last millisecond for {@code to}, UTC) or epoch milliseconds; absent means unbounded.
     */
    private static long time(Context ctx, String name, boolean endOfDay, List<FieldError> errors) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return endOfDay ? Long.MAX_VALUE : 0;
        }
        String value = text.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(value);
            }
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                LocalDate start = endOfDay ? date.plusDays(1) : date;
                return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - (endOfDay ? 1 : 0);
            }
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeException | NumberFormatException e) {
            errors.add(new FieldError(
                    "query." + name,
                    "Input should be an ISO-8601 date or date-time (e.g. 2026-05-01 or 2026-05-01T10:00:00Z)",
                    "datetime_parsing"));
            return 0;
        }
    }
}
