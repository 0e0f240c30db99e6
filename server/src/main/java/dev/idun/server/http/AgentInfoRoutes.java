package dev.idun.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.agent.AgentConfig;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.memory.ThreadSummary;
import dev.idun.engine.run.AgentNotReadyException;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the chat UI asks about the agent: its stored threads ({@code /agent/sessions}, one thread's messages), what it
 * can do ({@code /agent/capabilities}) and its config with secrets masked ({@code /agent/config}). Every route
 * answers 503 {@code agent_not_ready} while no agent is configured.
 */
public final class AgentInfoRoutes {
    private static final List<String> CONFIG_SECRETS = secretPaths();

    private final RuntimeHolder runtimes;
    private final RunPipeline pipeline;

    public AgentInfoRoutes(RuntimeHolder runtimes, RunPipeline pipeline) {
        this.runtimes = runtimes;
        this.pipeline = pipeline;
    }

    public void register(RoutesConfig routes) {
        routes.get("/agent/sessions", this::sessions);
        routes.get("/agent/sessions/{id}", this::session);
        routes.get("/agent/capabilities", this::capabilities);
        routes.get("/agent/config", this::config);
    }

    private void sessions(Context ctx) {
        ArrayNode list = Json.mapper().createArrayNode();
        for (ThreadSummary thread : pipeline.threads(SsoFilter.scopeOf(ctx))) {
            ObjectNode item = list.addObject().put("id", thread.id());
            if (thread.lastUpdate() != null) {
                item.put("lastUpdate", thread.lastUpdate().toString());
            }
            item.put("messageCount", thread.messageCount());
            if (thread.preview() != null) {
                item.put("preview", thread.preview());
            }
        }
        HttpJson.send(ctx, 200, list);
    }

    private void session(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<List<ChatMessage>> messages = pipeline.thread(SsoFilter.scopeOf(ctx), id);
        if (messages.isEmpty()) {
            HttpJson.send(ctx, 404, Json.object().put("detail", "Not Found"));
            return;
        }
        ObjectNode body = Json.object().put("id", id);
        ArrayNode list = body.putArray("messages");
        for (ChatMessage message : messages.get()) {
            list.add(messageJson(message));
        }
        HttpJson.send(ctx, 200, body);
    }

    static ObjectNode messageJson(ChatMessage message) {
        ObjectNode item = Json.object()
                .put("id", message.id())
                .put("role", message.role())
                .put("content", message.content());
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = item.putArray("toolCalls");
            for (ChatMessage.ToolCall call : message.toolCalls()) {
                ObjectNode json = calls.addObject().put("id", call.id()).put("type", "function");
                json.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        if (message.toolCallId() != null) {
            item.put("toolCallId", message.toolCallId());
        }
        return item;
    }

    private void capabilities(Context ctx) {
        EngineConfig config = readyConfig();
        ObjectNode body = Json.object()
                .put("streaming", true)
                .put("history", true)
                .put("threadId", true)
                .put("tools", true)
                .put("agentType", config.agent().type().name())
                .put("memory", ConversationMemory.backendName(config.memory()));
        HttpJson.send(ctx, 200, body);
    }

    private void config(Context ctx) {
        EngineConfig config = readyConfig();
        ObjectNode agent = config.agent().toJson(config.memory());
        Secrets.maskPaths(agent, CONFIG_SECRETS);
        ObjectNode body = Json.object();
        body.set("config", agent);
        HttpJson.send(ctx, 200, body);
    }

    private EngineConfig readyConfig() {
        LiveRuntime runtime = runtimes.current();
        if (!runtime.agentReady() || !runtime.config().configured()) {
            throw new AgentNotReadyException();
        }
        return runtime.config();
    }

    private static List<String> secretPaths() {
        List<String> paths = new ArrayList<>(AgentConfig.SECRET_PATHS);
        paths.add("config.checkpointer.dbUrl@url");
        return List.copyOf(paths);
    }
}
