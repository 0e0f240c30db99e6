package dev.idun.admin.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.CollectionRow;
import dev.idun.admin.db.CollectionStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.admin.reload.ReloadResult;
import dev.idun.admin.resources.PatchFields;
import dev.idun.admin.resources.ResourceSlugs;
import dev.idun.admin.resources.RowResource;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.integration.IntegrationConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /admin/api/v1/integrations}: the messaging integrations of the agent, each write applied at once. */
public final class IntegrationRoutes {
    private static final String BASE = "/admin/api/v1/integrations";
    private static final String PATH_ID = "integration_id";

    private final ReloadPipeline pipeline;
    private final CollectionStore rows;
    private final RowResource<CollectionRow> resource;

    public IntegrationRoutes(ReloadPipeline pipeline, CollectionStore rows) {
        this.pipeline = pipeline;
        this.rows = rows;
        this.resource = new RowResource<>(
                pipeline, rows::list, rows::find, rows::delete, IntegrationRoutes::toJson, "integration", PATH_ID);
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, resource::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", resource::get);
        routes.patch(BASE + "/{id}", this::patch);
        routes.delete(BASE + "/{id}", resource::delete);
    }

    private void create(Context ctx) {
        ObjectNode body = HttpJson.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        String name = r.requiredString("name");
        boolean enabled = r.optionalBoolean("enabled", true);
        Secrets.restorePaths(body.get("integration"), null, IntegrationConfig.allSecretPaths(), "integration", errors);
        IntegrationConfig integration = IntegrationConfig.read(r.get("integration"), "integration", errors);
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        String slugBase = ResourceSlugs.derive(name);
        ReloadPipeline.Mutation<CollectionRow> result = pipeline.mutate((h, now) -> {
            CollectionRow row = new CollectionRow(
                    UUID.randomUUID().toString(),
                    ResourceSlugs.unique(slugBase, prefix -> rows.slugsStartingWith(h, prefix)),
                    name,
                    enabled,
                    stored(integration, enabled),
                    now,
                    now);
            rows.insert(h, row);
            return row;
        });
        HttpJson.sendMutation(ctx, 201, toJson(result.data()), result.reload());
    }

    private void patch(Context ctx) {
        String id = HttpJson.uuidParam(ctx, "id", PATH_ID);
        ObjectNode body = HttpJson.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        PatchFields.rejectNulls(r, errors, "name", "enabled", "integration");
        String name = r.get("name") == null ? null : r.requiredString("name");
        Boolean enabled = r.get("enabled") == null ? null : r.optionalBoolean("enabled", true);
        CollectionRow existing = pipeline.read(h -> resource.find(h, id));
        if (r.get("integration") != null) {
            Secrets.restorePaths(
                    r.get("integration"),
                    Json.parse(existing.configJson()),
                    IntegrationConfig.allSecretPaths(),
                    "integration",
                    errors);
        }
        IntegrationConfig integration = r.get("integration") == null
                ? null
                : IntegrationConfig.read(r.get("integration"), "integration", errors);
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        if (name == null && enabled == null && integration == null) {
            HttpJson.sendMutation(ctx, 200, toJson(existing), ReloadResult.NO_CHANGES);
            return;
        }
        ReloadPipeline.Mutation<CollectionRow> result = pipeline.mutate((h, now) -> {
            CollectionRow current = resource.find(h, id);
            boolean on = enabled != null ? enabled : current.enabled();
            String config =
                    integration != null ? stored(integration, on) : stored(readStored(current.configJson()), on);
            CollectionRow updated = new CollectionRow(
                    current.id(),
                    current.slug(),
                    name != null ? name : current.name(),
                    on,
                    config,
                    current.createdAt(),
                    now);
            rows.update(h, updated);
            return updated;
        });
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    private static String stored(IntegrationConfig integration, boolean enabled) {
        return Json.write(integration.withEnabled(enabled).toJson(Casing.SNAKE));
    }

    private static IntegrationConfig readStored(String json) {
        List<FieldError> errors = new ArrayList<>();
        IntegrationConfig config = IntegrationConfig.read(Json.parse(json), "integration", errors);
        if (config == null) {
            throw new IllegalStateException("Stored integration is corrupt: " + errors);
        }
        return config;
    }

    static ObjectNode toJson(CollectionRow row) {
        ObjectNode node = Json.object()
                .put("id", row.id())
                .put("slug", row.slug())
                .put("name", row.name())
                .put("enabled", row.enabled());
        JsonNode integration =
                readStored(row.configJson()).withEnabled(row.enabled()).toMaskedJson();
        node.set("integration", integration);
        node.put("createdAt", iso(row.createdAt()));
        node.put("updatedAt", iso(row.updatedAt()));
        return node;
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
