package dev.idun.admin.sso;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.idun.config.sso.SsoConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/api/v1/sso}: the OIDC provider that protects the chat routes (created by the first PATCH, replaced
 * whole by the next), and the public {@code GET /sso/info} the chat page reads to know whether to sign in.
 */
public final class SsoRoutes {
    private static final String BASE = "/admin/api/v1/sso";

    private final ReloadPipeline pipeline;
    private final SingletonStore rows;

    public SsoRoutes(ReloadPipeline pipeline, SingletonStore rows) {
        this.pipeline = pipeline;
        this.rows = rows;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::get);
        routes.patch(BASE, this::patch);
        routes.delete(BASE, this::delete);
        routes.get("/sso/info", this::info);
    }

    private void get(Context ctx) {
        SingletonRow row =
                pipeline.read(rows::find).orElseThrow(() -> AdminApiException.notFound("SSO is not configured."));
        HttpJson.send(ctx, 200, toJson(row));
    }

    private void patch(Context ctx) {
        ObjectNode body = HttpJson.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        PatchFields.rejectNulls(r, errors, "sso");
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        Optional<SingletonRow> existing = pipeline.read(rows::find);
        if (r.get("sso") == null) {
            if (existing.isEmpty()) {
                throw AdminApiException.validation("First write requires sso.", null);
            }
            HttpJson.sendMutation(ctx, 200, toJson(existing.get()), ReloadResult.NO_CHANGES);
            return;
        }
        SsoConfig config = SsoConfig.read(r.get("sso"), "sso", errors);
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
        String missing = "No SSO provider configured to delete.";
        pipeline.read(rows::find).orElseThrow(() -> AdminApiException.notFound(missing));
        ReloadPipeline.Mutation<Boolean> result = pipeline.mutate((h, now) -> {
            if (!rows.delete(h)) {
                throw AdminApiException.notFound(missing);
            }
            return true;
        });
        HttpJson.sendMutation(ctx, 200, Json.object().put("deleted", true), result.reload());
    }

    private void info(Context ctx) {
        Optional<SsoConfig> sso = pipeline.read(rows::find).map(SsoRoutes::stored);
        ObjectNode body = Json.object();
        if (sso.isEmpty() || !sso.get().enabled()) {
            body.put("enabled", false);
        } else {
            body.put("enabled", true)
                    .put("issuer", sso.get().issuer())
                    .put("clientId", sso.get().clientId())
                    .put("audience", sso.get().audience());
        }
        HttpJson.send(ctx, 200, body);
    }

    private static SsoConfig stored(SingletonRow row) {
        List<FieldError> errors = new ArrayList<>();
        SsoConfig config = SsoConfig.read(Json.parse(row.configJson()), "sso", errors);
        if (config == null) {
            throw new IllegalStateException("Stored SSO config is corrupt: " + errors);
        }
        return config;
    }

    static ObjectNode toJson(SingletonRow row) {
        ObjectNode node = Json.object();
        node.set("sso", stored(row).toJson(Casing.CAMEL));
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
