package dev.idun.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.Json;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agent.ToolSpec;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.run.AgentNotReadyException;
import dev.idun.engine.run.InputBlockedException;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /agent/run}: an AG-UI {@code RunAgentInput} in, the run's events out as server-sent events. Errors
 * before the stream opens are HTTP errors (422 malformed body, 503 no agent, 429 {@code {"detail": reject message}}
 * when an input guardrail blocks); after it opens they are a
 * {@code RUN_ERROR} event. {@code POST /agent/invoke} runs the same pipeline on {@code {query, session_id}} and
 * answers the collected text (400 when the run fails).
 */
public final class AgentRoutes {
    private final RunPipeline pipeline;

    public AgentRoutes(RunPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public void register(RoutesConfig routes) {
        routes.post("/agent/run", this::run);
        routes.post("/agent/invoke", this::invoke);
        routes.exception(AgentNotReadyException.class, (e, ctx) -> notReady(ctx));
    }

    private void run(Context ctx) {
        RunInput input = parse(ctx);
        if (input == null) {
            return;
        }
        LiveRuntime.Lease lease = pipeline.begin();
        SseStream stream = new SseStream(ctx);
        try {
            pipeline.run(lease, input, SsoFilter.scopeOf(ctx), stream);
        } catch (InputBlockedException e) {
            if (stream.opened()) {
                throw e;
            }
            blocked(ctx, e);
        } catch (UncheckedIOException e) {
            lease.close();
        }
    }

    /** The SSE response, opened at the first event so that a run refused before it can still answer plain JSON. */
    private static final class SseStream implements EventSink {
        private final Context ctx;
        private OutputStream out;

        SseStream(Context ctx) {
            this.ctx = ctx;
        }

        boolean opened() {
            return out != null;
        }

        @Override
        public void emit(AgUiEvent event) {
            try {
                if (out == null) {
                    ctx.status(200)
                            .contentType("text/event-stream")
                            .header("Cache-Control", "no-cache")
                            .header("X-Accel-Buffering", "no");
                    out = ctx.res().getOutputStream();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(out, "data: " + Json.write(event.toJson()) + "\n\n");
        }
    }

    private static void blocked(Context ctx, InputBlockedException e) {
        HttpJson.send(ctx, 429, Json.object().put("detail", e.rejectMessage()));
    }

    private void invoke(Context ctx) {
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (ConfigValidationException e) {
            unprocessable(ctx, "body", "Invalid JSON", "json_invalid");
            return;
        }
        if (!body.isObject()) {
            unprocessable(ctx, "body", "Input should be an object", "model_type");
            return;
        }
        for (String field : List.of("query", "session_id")) {
            if (!body.path(field).isTextual()) {
                boolean missing =
                        body.path(field).isMissingNode() || body.path(field).isNull();
                unprocessable(
                        ctx,
                        field,
                        missing ? "Field required" : "Input should be a valid string",
                        missing ? "missing" : "string_type");
                return;
            }
        }
        String sessionId = body.get("session_id").asText();
        RunInput input = new RunInput(
                sessionId,
                UUID.randomUUID().toString(),
                List.of(new ChatMessage(
                        UUID.randomUUID().toString(), "user", body.get("query").asText())));
        StringBuilder text = new StringBuilder();
        AtomicReference<String> error = new AtomicReference<>();
        LiveRuntime.Lease lease = pipeline.begin();
        try {
            pipeline.run(lease, input, SsoFilter.scopeOf(ctx), event -> {
                if (event instanceof AgUiEvent.TextMessageContent content) {
                    text.append(content.delta());
                } else if (event instanceof AgUiEvent.RunError failure) {
                    error.set(failure.message());
                }
            });
        } catch (InputBlockedException e) {
            blocked(ctx, e);
            return;
        }
        if (error.get() != null) {
            HttpJson.send(ctx, 400, Json.object().put("detail", error.get()));
            return;
        }
        HttpJson.send(ctx, 200, Json.object().put("session_id", sessionId).put("response", text.toString()));
    }

    private static void write(OutputStream out, String frame) {
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunInput parse(Context ctx) {
        JsonNode body;
        try {
            body = Json.parse(ctx.body());
        } catch (ConfigValidationException e) {
            unprocessable(ctx, "body", "Invalid JSON", "json_invalid");
            return null;
        }
        if (!body.isObject()) {
            unprocessable(ctx, "body", "Input should be an object", "model_type");
            return null;
        }
        for (String field : List.of("threadId", "runId")) {
            if (!body.path(field).isTextual()) {
                unprocessable(ctx, field, "Field required", "missing");
                return null;
            }
        }
        JsonNode messages = body.path("messages");
        if (!messages.isMissingNode() && !messages.isArray()) {
            unprocessable(ctx, "messages", "Input should be a valid list", "list_type");
            return null;
        }
        List<ChatMessage> parsed = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.path("role").isTextual()) {
                unprocessable(ctx, "messages.role", "Field required", "missing");
                return null;
            }
            parsed.add(message(message));
        }
        JsonNode tools = body.path("tools");
        if (!tools.isMissingNode() && !tools.isNull() && !tools.isArray()) {
            unprocessable(ctx, "tools", "Input should be a valid list", "list_type");
            return null;
        }
        List<ToolSpec> specs = new ArrayList<>();
        for (JsonNode tool : tools) {
            if (!tool.path("name").isTextual()) {
                unprocessable(ctx, "tools.name", "Field required", "missing");
                return null;
            }
            specs.add(new ToolSpec(
                    tool.get("name").asText(), tool.path("description").asText(""), tool.get("parameters")));
        }
        return new RunInput(
                body.get("threadId").asText(),
                body.get("runId").asText(),
                parsed,
                specs,
                body.get("state"),
                body.get("forwardedProps"));
    }

    private static ChatMessage message(JsonNode message) {
        JsonNode content = message.path("content");
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("toolCalls")) {
            calls.add(new ChatMessage.ToolCall(
                    call.path("id").asText(),
                    call.path("function").path("name").asText(),
                    call.path("function").path("arguments").asText("{}")));
        }
        return new ChatMessage(
                message.path("id").asText(null),
                message.path("role").asText(),
                content.isTextual()
                        ? content.asText()
                        : content.isMissingNode() || content.isNull() ? "" : content.toString(),
                calls,
                message.path("toolCallId").asText(null));
    }

    private static void unprocessable(Context ctx, String field, String message, String type) {
        ObjectNode error = Json.object().put("msg", message).put("type", type);
        error.putArray("loc").add("body").add(field);
        ArrayNode detail = Json.mapper().createArrayNode().add(error);
        ObjectNode body = Json.object();
        body.set("detail", detail);
        HttpJson.send(ctx, 422, body);
    }

    private static void notReady(Context ctx) {
        ObjectNode error =
                Json.object().put("code", "agent_not_ready").put("message", new AgentNotReadyException().getMessage());
        ObjectNode detail = Json.object();
        detail.set("error", error);
        ObjectNode body = Json.object();
        body.set("detail", detail);
        HttpJson.send(ctx, 503, body);
    }
}
