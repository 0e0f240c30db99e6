package dev.idun.admin.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.checks.TimedCheck;
import dev.idun.admin.db.SingletonRow;
import dev.idun.admin.db.SingletonStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.admin.reload.ReloadResult;
import dev.idun.admin.resources.PatchFields;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.observability.ObservabilityConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/api/v1/observability}: the one trace export provider (created by the first PATCH, replaced whole by
 * the next), and a check that it can be reached.
 */
public final class ObservabilityRoutes {
    private static final String BASE = "/admin/api/v1/observability";
    private static final String FIRST_WRITE = "First write requires observability.";

    private final ReloadPipeline pipeline;
    private final SingletonStore rows;
    private final ObservabilityProbe probe;

    public ObservabilityRoutes(ReloadPipeline pipeline, SingletonStore rows) {
        this(pipeline, rows, TimedCheck.DEFAULT_LIMIT);
    }

    ObservabilityRoutes(ReloadPipeline pipeline, SingletonStore rows, Duration checkLimit) {
        this.pipeline = pipeline;
        this.rows = rows;
        this.probe = new ObservabilityProbe(checkLimit);
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::get);
        routes.patch(BASE, this::patch);
        routes.delete(BASE, this::delete);
        routes.post(BASE + "/check-connection", this::checkConnection);
    }

    private void get(Context ctx) {
        SingletonRow row = pipeline.read(rows::find)
                .orElseThrow(() -> AdminApiException.notFound("No observability provider configured."));
        HttpJson.send(ctx, 200, toJson(row));
    }

    private void patch(Context ctx) {
        ObjectNode body = HttpJson.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        PatchFields.rejectNulls(r, errors, "observability");
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        Optional<SingletonRow> existing = pipeline.read(rows::find);
        if (r.get("observability") == null) {
            if (existing.isEmpty()) {
                throw AdminApiException.validation(FIRST_WRITE, null);
            }
            HttpJson.sendMutation(ctx, 200, toJson(existing.get()), ReloadResult.NO_CHANGES);
            return;
        }
        Secrets.restorePaths(
                r.get("observability"),
                existing.map(row -> Json.parse(row.configJson())).orElse(null),
                ObservabilityConfig.SECRET_PATHS,
                "observability",
                errors);
        ObservabilityConfig config = ObservabilityConfig.read(r.get("observability"), "observability", errors);
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        ReloadPipeline.Mutation<SingletonRow> result = pipeline.mutate((h, now) -> {
            SingletonRow row = new SingletonRow(null, Json.write(config.toJson(Casing.SNAKE)), now);
            rows.upsert(h, row);
            return row;
        });
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    private void delete(Context ctx) {
        String missing = "No observability provider configured to delete.";
        pipeline.read(rows::find).orElseThrow(() -> AdminApiException.notFound(missing));
        ReloadPipeline.Mutation<Boolean> result = pipeline.mutate((h, now) -> {
            if (!rows.delete(h)) {
                throw AdminApiException.notFound(missing);
            }
            return true;
        });
        HttpJson.sendMutation(ctx, 200, Json.object().put("deleted", true), result.reload());
    }

    private void checkConnection(Context ctx) {
        SingletonRow row = pipeline.read(rows::find)
                .orElseThrow(() -> AdminApiException.notFound("No observability provider configured to check."));
        HttpJson.send(ctx, 200, probe.check(stored(row).toJson(Casing.CAMEL)).toJson());
    }

    private static ObservabilityConfig stored(SingletonRow row) {
        List<FieldError> errors = new ArrayList<>();
        ObservabilityConfig config = ObservabilityConfig.read(Json.parse(row.configJson()), "observability", errors);
        if (config == null) {
            throw new IllegalStateException("Stored observability config is corrupt: " + errors);
        }
        return config;
    }

    static ObjectNode toJson(SingletonRow row) {
        ObjectNode observability = stored(row).toJson(Casing.CAMEL);
        Secrets.maskPaths(observability, ObservabilityConfig.SECRET_PATHS);
        ObjectNode node = Json.object();
        node.set("observability", observability);
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
