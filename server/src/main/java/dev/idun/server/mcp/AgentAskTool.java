package dev.idun.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.run.AgentNotReadyException;
import dev.idun.engine.run.InputBlockedException;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The MCP tool {@code ask}: runs the agent on one message through the run pipeline (guardrails, memory and traces
 * apply as on {@code /agent/run}) and answers its text. A run that fails or is blocked answers its message as a
 * tool error. Thread-safe.
 */
public final class AgentAskTool {
    static final String NAME = "ask";

    private final RunPipeline pipeline;

    public AgentAskTool(RunPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** What the agent answered, or why it did not. */
    record Answer(String text, boolean failed) {}

    static ObjectNode definition() {
        ObjectNode tool = Json.object()
                .put("name", NAME)
                .put("title", "Ask the agent")
                .put(
                        "description",
                        "Sends a message to the agent and returns its answer. Pass the same thread_id to continue"
                                + " a conversation; without one each call starts a new thread.");
        ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("message").put("type", "string").put("description", "What to say to the agent");
        properties
                .putObject("thread_id")
                .put("type", "string")
                .put("description", "The conversation to continue (optional)");
        schema.putArray("required").add("message");
        return tool;
    }

    Answer ask(String message, String threadId) {
        RunInput input = new RunInput(
                threadId == null || threadId.isBlank() ? UUID.randomUUID().toString() : threadId,
                UUID.randomUUID().toString(),
                List.of(new ChatMessage(UUID.randomUUID().toString(), "user", message)));
        StringBuilder text = new StringBuilder();
        AtomicReference<String> error = new AtomicReference<>();
        try {
            LiveRuntime.Lease lease = pipeline.begin();
            pipeline.run(lease, input, event -> {
                if (event instanceof AgUiEvent.TextMessageContent content) {
                    text.append(content.delta());
                } else if (event instanceof AgUiEvent.RunError failure) {
                    error.set(failure.message());
                }
            });
        } catch (InputBlockedException e) {
            return new Answer(e.rejectMessage(), true);
        } catch (AgentNotReadyException e) {
            return new Answer(e.getMessage(), true);
        }
        return error.get() != null ? new Answer(error.get(), true) : new Answer(text.toString(), false);
    }
}
