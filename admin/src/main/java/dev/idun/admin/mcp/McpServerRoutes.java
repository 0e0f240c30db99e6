package dev.idun.admin.mcp;

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
import dev.idun.config.mcp.McpServerConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /admin/api/v1/mcp-servers}: the MCP tool servers of the agent, each write applied at once, plus tool
 * discovery against a stored server. Env and header values are masked in every response.
 */
public final class McpServerRoutes {
    private static final String BASE = "/admin/api/v1/mcp-servers";
    private static final String PATH_ID = "mcp_id";
    private static final String FIELD = "mcpServer";

    private final ReloadPipeline pipeline;
    private final CollectionStore rows;
    private final RowResource<CollectionRow> resource;
    private final McpToolProbe probe;

    public McpServerRoutes(ReloadPipeline pipeline, CollectionStore rows, McpToolProbe probe) {
        this.pipeline = pipeline;
        this.rows = rows;
        this.resource = new RowResource<>(
                pipeline, rows::list, rows::find, rows::delete, McpServerRoutes::toJson, "MCP server", PATH_ID);
        this.probe = probe;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, resource::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", resource::get);
        routes.patch(BASE + "/{id}", this::patch);
        routes.delete(BASE + "/{id}", resource::delete);
        routes.post(BASE + "/{id}/tools", this::tools);
    }

    private void create(Context ctx) {
        ObjectNode body = HttpJson.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        String name = r.requiredString("name");
        boolean enabled = r.optionalBoolean("enabled", true);
        McpServerConfig server = null;
        if (r.get(FIELD) == null) {
            errors.add(FieldError.missing(FIELD));
        } else {
            Secrets.restorePaths(r.get(FIELD), null, McpServerConfig.SECRET_PATHS, FIELD, errors);
            server = McpServerConfig.read(r.get(FIELD), FIELD, errors);
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        String slugBase = ResourceSlugs.derive(name);
        String config = stored(server);
        ReloadPipeline.Mutation<CollectionRow> result = pipeline.mutate((h, now) -> {
            CollectionRow row = new CollectionRow(
                    UUID.randomUUID().toString(),
                    ResourceSlugs.unique(slugBase, prefix -> rows.slugsStartingWith(h, prefix)),
                    name,
                    enabled,
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
        PatchFields.rejectNulls(r, errors, "name", "enabled", FIELD);
        String name = r.get("name") == null ? null : r.requiredString("name");
        Boolean enabled = r.get("enabled") == null ? null : r.optionalBoolean("enabled", true);
        CollectionRow existing = pipeline.read(h -> resource.find(h, id));
        McpServerConfig server = null;
        if (r.get(FIELD) != null) {
            Secrets.restorePaths(
                    r.get(FIELD), Json.parse(existing.configJson()), McpServerConfig.SECRET_PATHS, FIELD, errors);
            server = McpServerConfig.read(r.get(FIELD), FIELD, errors);
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        if (name == null && enabled == null && server == null) {
            HttpJson.sendMutation(ctx, 200, toJson(existing), ReloadResult.NO_CHANGES);
            return;
        }
        String config = server == null ? null : stored(server);
        ReloadPipeline.Mutation<CollectionRow> result = pipeline.mutate((h, now) -> {
            CollectionRow current = resource.find(h, id);
            CollectionRow updated = new CollectionRow(
                    current.id(),
                    current.slug(),
                    name != null ? name : current.name(),
                    enabled != null ? enabled : current.enabled(),
                    config != null ? config : current.configJson(),
                    current.createdAt(),
                    now);
            rows.update(h, updated);
            return updated;
        });
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    private void tools(Context ctx) {
        String id = HttpJson.uuidParam(ctx, "id", PATH_ID);
        CollectionRow row = pipeline.read(h -> resource.find(h, id));
        List<FieldError> errors = new ArrayList<>();
        McpServerConfig server = McpServerConfig.read(Json.parse(row.configJson()), FIELD, errors);
        ConnectionCheck check;
        if (server == null) {
            check = ConnectionCheck.failure("invalid MCP server config: "
                    + errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        } else {
            check = probe(server);
        }
        HttpJson.send(ctx, 200, check.toJson());
    }

    private ConnectionCheck probe(McpServerConfig server) {
        try {
            return probe.listTools(server);
        } catch (RuntimeException e) {
            return ConnectionCheck.failure("unexpected failure: " + e.getClass().getSimpleName());
        }
    }

    private static String stored(McpServerConfig server) {
        return Json.write(server.toJson(Casing.SNAKE));
    }

    private static McpServerConfig readStored(String json) {
        List<FieldError> errors = new ArrayList<>();
        McpServerConfig config = McpServerConfig.read(Json.parse(json), FIELD, errors);
        if (config == null) {
            throw new IllegalStateException("Stored MCP server is corrupt: " + errors);
        }
        return config;
    }

    static ObjectNode toJson(CollectionRow row) {
        ObjectNode node = Json.object()
                .put("id", row.id())
                .put("slug", row.slug())
                .put("name", row.name())
                .put("enabled", row.enabled());
        ObjectNode server = readStored(row.configJson()).toJson(Casing.CAMEL);
        Secrets.maskPaths(server, McpServerConfig.SECRET_PATHS);
        node.set(FIELD, server);
        node.put("createdAt", row.createdAt().toString());
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
