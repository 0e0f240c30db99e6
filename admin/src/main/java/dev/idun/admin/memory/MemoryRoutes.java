package dev.idun.admin.memory;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.idun.config.agent.AgentType;
import dev.idun.config.agent.MemoryConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/api/v1/memory}: where the agent keeps conversation history (one config, created by the first PATCH),
 * and a check that the configured database can be reached.
 */
public final class MemoryRoutes {
    private static final String BASE = "/admin/api/v1/memory";

    private final ReloadPipeline pipeline;
    private final SingletonStore rows;
    private final MemoryProbe probe;

    public MemoryRoutes(ReloadPipeline pipeline, SingletonStore rows) {
        this(pipeline, rows, TimedCheck.DEFAULT_LIMIT);
    }

    MemoryRoutes(ReloadPipeline pipeline, SingletonStore rows, Duration checkLimit) {
        this.pipeline = pipeline;
        this.rows = rows;
        this.probe = new MemoryProbe(checkLimit);
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::get);
        routes.patch(BASE, this::patch);
        routes.delete(BASE, this::delete);
        routes.post(BASE + "/check-connection", this::checkConnection);
    }

    private void get(Context ctx) {
        SingletonRow row = pipeline.read(rows::find)
                .orElseThrow(() ->
                        AdminApiException.notFound("No memory configured. Default in-memory is used at runtime."));
        HttpJson.send(ctx, 200, toJson(row));
    }

    private void patch(Context ctx) {
        ObjectNode body = HttpJson.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        PatchFields.rejectNulls(r, errors, "agentFramework", "memory");
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        Optional<SingletonRow> existing = pipeline.read(rows::find);
        if (existing.isEmpty() && (r.get("agentFramework") == null || r.get("memory") == null)) {
            List<FieldError> missing = new ArrayList<>();
            for (String field : List.of("agentFramework", "memory")) {
                if (r.get(field) == null) {
                    missing.add(new FieldError(field, "Required for first write.", "missing"));
                }
            }
            throw AdminApiException.validation("First write requires agentFramework and memory.", missing);
        }
        AgentType framework = r.get("agentFramework") == null ? null : framework(r);
        MemoryConfig memory = null;
        if (r.get("memory") != null) {
            JsonNode stored = existing.map(row -> Json.parse(row.configJson())).orElse(null);
            Secrets.restorePaths(r.get("memory"), stored, MemoryConfig.SECRET_PATHS, "memory", errors);
            memory = MemoryConfig.read(r.get("memory"), "memory", errors);
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        if (framework == null && memory == null) {
            HttpJson.sendMutation(ctx, 200, toJson(existing.orElseThrow()), ReloadResult.NO_CHANGES);
            return;
        }
        MemoryConfig newMemory = memory;
        ReloadPipeline.Mutation<SingletonRow> result = pipeline.mutate((h, now) -> {
            Optional<SingletonRow> current = rows.find(h);
            if (current.isEmpty() && (framework == null || newMemory == null)) {
                throw AdminApiException.validation("First write requires agentFramework and memory.", List.of());
            }
            SingletonRow row = new SingletonRow(
                    framework != null ? framework.name() : current.get().agentFramework(),
                    newMemory != null
                            ? Json.write(newMemory.toJson())
                            : current.get().configJson(),
                    now);
            rows.upsert(h, row);
            return row;
        });
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    private static AgentType framework(FieldReader r) {
        String text = r.requiredString("agentFramework");
        if (text == null) {
            return null;
        }
        AgentType type = AgentType.parse(text).orElse(null);
        List<String> runnable = Arrays.stream(AgentType.values())
                .filter(AgentType::runnable)
                .map(Enum::name)
                .toList();
        if (type == null) {
            r.error("agentFramework", "Input should be one of " + runnable, "enum");
        } else if (!type.runnable()) {
            r.error(
                    "agentFramework",
                    "Agent framework " + type + " is not run by this server. Use one of " + runnable + " instead.",
                    "unsupported");
            return null;
        }
        return type;
    }

    private void delete(Context ctx) {
        pipeline.read(rows::find).orElseThrow(() -> AdminApiException.notFound("No memory configured to delete."));
        ReloadPipeline.Mutation<Boolean> result = pipeline.mutate((h, now) -> {
            if (!rows.delete(h)) {
                throw AdminApiException.notFound("No memory configured to delete.");
            }
            return true;
        });
        HttpJson.sendMutation(ctx, 200, Json.object().put("deleted", true), result.reload());
    }

    private void checkConnection(Context ctx) {
        SingletonRow row = pipeline.read(rows::find)
                .orElseThrow(() -> AdminApiException.notFound("No memory configured to check."));
        HttpJson.send(ctx, 200, probe.check(Json.parse(row.configJson())).toJson());
    }

    static ObjectNode toJson(SingletonRow row) {
        JsonNode memory = Json.parse(row.configJson()).deepCopy();
        Secrets.maskPaths(memory, MemoryConfig.SECRET_PATHS);
        ObjectNode node = Json.object().put("agentFramework", row.agentFramework());
        node.set("memory", memory);
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
