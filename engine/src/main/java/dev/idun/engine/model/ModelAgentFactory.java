package dev.idun.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.prompt.PromptConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EchoAgent;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.runtime.AgentFactory;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@code LANGCHAIN4J} agent: the offline echo model, or a {@link ModelAgent} on the configured provider
 * with its system prompt ({@code system_prompt}, or the latest version of the prompt {@code system_prompt_id}).
 */
public final class ModelAgentFactory implements AgentFactory {
    /** Model calls one run may make while the model keeps calling server-side tools. */
    public static final int MAX_STEPS = 10;

    private final ChatModels models;
    private final ToolRegistry registry;
    private final Duration timeout;

    /** {@code env} supplies API keys; {@code timeout} bounds the wait for the provider's answer and each chunk. */
    public ModelAgentFactory(Map<String, String> env, ToolRegistry registry, Duration timeout) {
        this.models = new ChatModels(env, timeout);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.timeout = timeout;
    }

    public ModelAgentFactory(Map<String, String> env) {
        this(env, ToolRegistry.empty(), Duration.ofSeconds(120));
    }

    @Override
    public Agent create(EngineConfig config, List<String> warnings) throws RuntimeBuildException {
        return create(config, registry, warnings);
    }

    /** The agent with {@code tools} (the runtime's MCP tools) instead of the registry given at construction. */
    @Override
    public Agent create(EngineConfig config, ToolRegistry tools, List<String> warnings) throws RuntimeBuildException {
        ObjectNode settings = config.agent().settings();
        JsonNode model = settings.path("model");
        if (model.path("provider").asText().equals("echo")) {
            return new EchoAgent();
        }
        Prompt prompt = systemPrompt(config, settings);
        return new ModelAgent(models.build(model), prompt.name(), prompt.text(), tools, MAX_STEPS, timeout);
    }

    /** A system prompt's text (null: none) and how errors name it. */
    private record Prompt(String name, String text) {}

    private static Prompt systemPrompt(EngineConfig config, JsonNode settings) throws RuntimeBuildException {
        JsonNode text = settings.get("system_prompt");
        if (text != null && text.isTextual() && !text.asText().isBlank()) {
            return new Prompt("the agent's system_prompt", text.asText());
        }
        JsonNode id = settings.get("system_prompt_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return new Prompt("the system prompt", null);
        }
        return config.prompts().stream()
                .filter(p -> p.promptId().equals(id.asText()))
                .max(Comparator.comparingInt(PromptConfig::version))
                .map(p -> new Prompt("prompt '" + p.promptId() + "' v" + p.version(), p.content()))
                .orElseThrow(() -> new RuntimeBuildException(
                        "The agent's system_prompt_id '" + id.asText() + "' names no prompt; create it first."));
    }
}
