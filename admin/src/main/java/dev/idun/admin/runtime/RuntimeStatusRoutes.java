package dev.idun.admin.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.RuntimeStateRow;
import dev.idun.admin.db.RuntimeStateStore;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.admin.reload.RuntimeReloader;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /admin/api/v1/runtime/status}: the last reload outcome (shared by every instance through the database)
 * and what this instance is serving.
 */
public final class RuntimeStatusRoutes {
    private final ReloadPipeline pipeline;
    private final RuntimeReloader reloader;
    private final RuntimeStateStore states = new RuntimeStateStore();

    public RuntimeStatusRoutes(ReloadPipeline pipeline, RuntimeReloader reloader) {
        this.pipeline = pipeline;
        this.reloader = reloader;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/api/v1/runtime/status", this::status);
    }

    private void status(Context ctx) {
        Optional<RuntimeStateRow> last = pipeline.read(states::find);
        RuntimeReloader.LiveStatus live = reloader.liveStatus();
        ObjectNode body = Json.object();
        if (last.isPresent()) {
            body.put("status", last.get().lastStatus());
            body.put("message", last.get().lastMessage());
            body.put("error", last.get().lastError());
        } else {
            body.put("status", "started");
            body.put("message", "Serving the stored config; no change applied since the database was created.");
            body.putNull("error");
        }
        body.put("configHash", live.configHash());
        body.put("configVersion", live.configVersion());
        if (last.isPresent() && last.get().lastReloadedAt() != null) {
            body.put("reloadedAt", last.get().lastReloadedAt().toString());
        } else {
            body.putNull("reloadedAt");
        }
        body.put("agentReady", live.agentReady());
        ArrayNode warnings = body.putArray("warnings");
        live.warnings().forEach(warnings::add);
        ArrayNode mcpFailures = body.putArray("mcpFailures");
        live.mcpFailures()
                .forEach(failure ->
                        mcpFailures.addObject().put("server", failure.server()).put("reason", failure.reason()));
        HttpJson.send(ctx, 200, body);
    }
}
