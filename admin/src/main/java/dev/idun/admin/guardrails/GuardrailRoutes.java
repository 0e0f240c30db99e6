package dev.idun.admin.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.GuardrailRow;
import dev.idun.admin.db.GuardrailStore;
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
import dev.idun.config.guardrail.GuardrailConfig;
import dev.idun.config.guardrail.GuardrailPosition;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/api/v1/guardrails}: the input and output guards of the agent, in order, each write applied at once.
 * The guard is the snake_case config of the config file; its {@code api_key} is masked in every response.
 */
public final class GuardrailRoutes {
    private static final String BASE = "/admin/api/v1/guardrails";
    private static final String PATH_ID = "guardrail_id";
    private static final String FIELD = "guardrail";

    private final ReloadPipeline pipeline;
    private final GuardrailStore rows;
    private final RowResource<GuardrailRow> resource;

    public GuardrailRoutes(ReloadPipeline pipeline, GuardrailStore rows) {
        this.pipeline = pipeline;
        this.rows = rows;
        this.resource = new RowResource<>(
                pipeline, rows::list, rows::find, rows::delete, GuardrailRoutes::toJson, "guardrail", PATH_ID);
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
        GuardrailPosition position = position(r, true);
        int sortOrder = sortOrder(r, 0);
        GuardrailConfig guard = null;
        if (r.get(FIELD) == null) {
            errors.add(FieldError.missing(FIELD));
        } else {
            Secrets.restorePaths(r.get(FIELD), null, GuardrailConfig.SECRET_PATHS, FIELD, errors);
            guard = GuardrailConfig.read(r.get(FIELD), FIELD, errors);
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        String slugBase = ResourceSlugs.derive(name);
        String config = stored(guard);
        ReloadPipeline.Mutation<GuardrailRow> result = pipeline.mutate((h, now) -> {
            GuardrailRow row = new GuardrailRow(
                    UUID.randomUUID().toString(),
                    ResourceSlugs.unique(slugBase, prefix -> rows.slugsStartingWith(h, prefix)),
                    name,
                    enabled,
                    position.wire(),
                    sortOrder,
                    config,
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
        PatchFields.rejectNulls(r, errors, "name", "enabled", "position", "sortOrder", FIELD);
        String name = r.get("name") == null ? null : r.requiredString("name");
        Boolean enabled = r.get("enabled") == null ? null : r.optionalBoolean("enabled", true);
        GuardrailPosition position = position(r, false);
        Integer sortOrder = r.get("sortOrder") == null ? null : sortOrder(r, null);
        GuardrailRow existing = pipeline.read(h -> resource.find(h, id));
        GuardrailConfig guard = null;
        if (r.get(FIELD) != null) {
            Secrets.restorePaths(
                    r.get(FIELD), Json.parse(existing.configJson()), GuardrailConfig.SECRET_PATHS, FIELD, errors);
            guard = GuardrailConfig.read(r.get(FIELD), FIELD, errors);
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        if (name == null && enabled == null && position == null && sortOrder == null && guard == null) {
            HttpJson.sendMutation(ctx, 200, toJson(existing), ReloadResult.NO_CHANGES);
            return;
        }
        String config = guard == null ? null : stored(guard);
        ReloadPipeline.Mutation<GuardrailRow> result = pipeline.mutate((h, now) -> {
            GuardrailRow current = resource.find(h, id);
            GuardrailRow updated = new GuardrailRow(
                    current.id(),
                    current.slug(),
                    name != null ? name : current.name(),
                    enabled != null ? enabled : current.enabled(),
                    position != null ? position.wire() : current.position(),
                    sortOrder != null ? sortOrder : current.sortOrder(),
                    config != null ? config : current.configJson(),
                    current.createdAt(),
                    now);
            rows.update(h, updated);
            return updated;
        });
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    /** The position; required on create, null when absent on patch. */
    private static GuardrailPosition position(FieldReader r, boolean required) {
        if (r.get("position") == null) {
            if (required) {
                r.errors().add(FieldError.missing(r.path("position")));
            }
            return null;
        }
        String text = r.optionalString("position", null);
        GuardrailPosition position =
                text == null ? null : GuardrailPosition.parse(text).orElse(null);
        if (text != null && position == null) {
            r.error("position", "Input should be 'input' or 'output'", "literal_error");
        }
        return position;
    }

    private static Integer sortOrder(FieldReader r, Integer defaultValue) {
        Integer value = r.optionalInt("sortOrder", defaultValue);
        if (value != null && value < 0) {
            r.error("sortOrder", "Input should be greater than or equal to 0", "greater_than_equal");
        }
        return value;
    }

    private static String stored(GuardrailConfig guard) {
        return Json.write(normalized(guard.toJson()));
    }

    /**
     * The guard as shown and stored: {@code config_id}, {@code api_key} and {@code reject_message} ("" when absent),
     * then the rest.
     */
    private static ObjectNode normalized(ObjectNode fields) {
        ObjectNode ordered = Json.object();
        ordered.set("config_id", fields.hasNonNull("config_id") ? fields.get("config_id") : fields.get("configId"));
        ordered.set("api_key", textOrEmpty(fields, "api_key", "apiKey"));
        ordered.set("reject_message", textOrEmpty(fields, "reject_message", "rejectMessage"));
        fields.fields().forEachRemaining(entry -> {
            if (!List.of("config_id", "configId", "api_key", "apiKey", "reject_message", "rejectMessage")
                    .contains(entry.getKey())) {
                ordered.set(entry.getKey(), entry.getValue());
            }
        });
        return ordered;
    }

    private static JsonNode textOrEmpty(ObjectNode fields, String snake, String camel) {
        JsonNode value = fields.hasNonNull(snake) ? fields.get(snake) : fields.get(camel);
        return value == null || value.isNull() ? Json.mapper().getNodeFactory().textNode("") : value;
    }

    static ObjectNode toJson(GuardrailRow row) {
        ObjectNode node = Json.object()
                .put("id", row.id())
                .put("slug", row.slug())
                .put("name", row.name())
                .put("enabled", row.enabled())
                .put("position", row.position())
                .put("sortOrder", row.sortOrder());
        JsonNode stored = Json.parse(row.configJson());
        ObjectNode guard = stored.isObject() ? normalized((ObjectNode) stored) : Json.object();
        Secrets.maskPaths(guard, GuardrailConfig.SECRET_PATHS);
        node.set(FIELD, guard);
        node.put("createdAt", row.createdAt().toString());
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
