package dev.idun.admin.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.PromptRow;
import dev.idun.admin.db.PromptStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.admin.reload.ReloadResult;
import dev.idun.admin.resources.RowResource;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/api/v1/prompts}: append-only prompt versions. Each POST adds the next version of its prompt id (the
 * number is taken inside the pipeline's transaction, so concurrent posts never collide); PATCH changes only the tags
 * of one version; DELETE removes one version. The agent sees the highest version of each prompt.
 */
public final class PromptRoutes {
    private static final String BASE = "/admin/api/v1/prompts";
    private static final String PATH_ID = "prompt_row_id";
    private static final int MAX_PROMPT_ID = 255;

    private final ReloadPipeline pipeline;
    private final PromptStore rows;
    private final RowResource<PromptRow> resource;

    public PromptRoutes(ReloadPipeline pipeline, PromptStore rows) {
        this.pipeline = pipeline;
        this.rows = rows;
        this.resource = new RowResource<>(
                pipeline, rows::list, rows::find, rows::delete, PromptRoutes::toJson, "prompt version", PATH_ID);
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
        String promptId = r.requiredString("promptId");
        if (promptId != null && promptId.codePointCount(0, promptId.length()) > MAX_PROMPT_ID) {
            r.error("promptId", "String should have at most " + MAX_PROMPT_ID + " characters", "string_too_long");
        }
        String content = content(r);
        List<String> tags = r.stringList("tags", List.of());
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        String tagsJson = tagsJson(tags);
        ReloadPipeline.Mutation<PromptRow> result = pipeline.mutate((h, now) -> {
            PromptRow row = new PromptRow(
                    UUID.randomUUID().toString(),
                    promptId,
                    rows.maxVersion(h, promptId) + 1,
                    content,
                    tagsJson,
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
        if (r.has("tags") && r.get("tags") == null) {
            r.error("tags", "tags cannot be null; send [] for empty", "value_error");
        }
        List<String> tags = r.stringList("tags", null);
        PromptRow existing = pipeline.read(h -> resource.find(h, id));
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        if (tags == null) {
            HttpJson.sendMutation(ctx, 200, toJson(existing), ReloadResult.NO_CHANGES);
            return;
        }
        String tagsJson = tagsJson(tags);
        ReloadPipeline.Mutation<PromptRow> result = pipeline.mutate((h, now) -> {
            PromptRow current = resource.find(h, id);
            PromptRow updated = new PromptRow(
                    current.id(),
                    current.promptId(),
                    current.version(),
                    current.content(),
                    tagsJson,
                    current.createdAt(),
                    now);
            rows.update(h, updated);
            return updated;
        });
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    /** The template text: required and a string, but may be empty. */
    private static String content(FieldReader r) {
        JsonNode value = r.get("content");
        if (value == null) {
            r.errors().add(FieldError.missing(r.path("content")));
            return null;
        }
        if (!value.isTextual()) {
            r.error("content", "Input should be a valid string", "string_type");
            return null;
        }
        return value.asText();
    }

    private static String tagsJson(List<String> tags) {
        ArrayNode array = Json.mapper().createArrayNode();
        tags.forEach(array::add);
        return Json.write(array);
    }

    static ObjectNode toJson(PromptRow row) {
        ObjectNode node = Json.object()
                .put("id", row.id())
                .put("promptId", row.promptId())
                .put("version", row.version())
                .put("content", row.content());
        JsonNode tags = Json.parse(row.tagsJson());
        node.set("tags", tags.isArray() ? tags : Json.mapper().createArrayNode());
        node.put("createdAt", row.createdAt().toString());
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
