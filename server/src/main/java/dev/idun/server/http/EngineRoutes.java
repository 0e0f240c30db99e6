package dev.idun.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.Json;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /health}, {@code /_engine/info}, {@code /} and the disabled {@code /reload} of the reference engine. */
public final class EngineRoutes {
    private final RuntimeHolder runtimes;
    private final String version;

    public EngineRoutes(RuntimeHolder runtimes, String version) {
        this.runtimes = runtimes;
        this.version = version;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/_engine/info", this::info);
        routes.get("/", this::info);
        routes.post("/reload", this::reload);
    }

    private void health(Context ctx) {
        LiveRuntime runtime = runtimes.current();
        ObjectNode body = Json.object()
                .put("status", "ok")
                .put("service", "idun-agent-engine")
                .put("version", version);
        if (runtime.config().configured()) {
            body.put("agent_name", runtime.config().agent().name());
        } else {
            body.putNull("agent_name");
        }
        body.put("agentReady", runtime.agentReady());
        HttpJson.send(ctx, 200, body);
    }

    private void info(Context ctx) {
        ObjectNode body = Json.object()
                .put("message", "Welcome to your Idun Agent Engine server!")
                .put("docs", "/docs")
                .put("health", "/health");
        body.putObject("agent_endpoints").put("run", "/agent/run").put("invoke", "/agent/invoke");
        HttpJson.send(ctx, 200, body);
    }

    private void reload(Context ctx) {
        HttpJson.send(
                ctx,
                403,
                Json.object()
                        .put(
                                "detail",
                                "Engine /reload is disabled. Use /admin/api/v1/* to change the config;"
                                        + " changes apply at once."));
    }
}
