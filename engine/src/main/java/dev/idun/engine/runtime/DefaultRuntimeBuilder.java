package dev.idun.engine.runtime;

import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.UnavailableAgent;
import dev.idun.engine.custom.CustomAgentFactory;
import dev.idun.engine.guardrail.Guardrails;
import dev.idun.engine.langgraph.LangGraphAgentFactory;
import dev.idun.engine.mcp.McpConnector;
import dev.idun.engine.mcp.McpToolbox;
import dev.idun.engine.model.ChatModels;
import dev.idun.engine.model.ModelAgentFactory;
import dev.idun.engine.model.TemplateAgentFactory;
import dev.idun.engine.observability.ExportTargets;
import dev.idun.engine.observability.Telemetry;
import dev.idun.engine.sso.OidcVerifier;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the runtime of this server from a config: the MCP servers' connections (their tools), the agent (through
 * the {@link AgentFactory} of its type, given those tools), its guardrails, telemetry and SSO. Close it when the
 * server stops.
 */
public final class DefaultRuntimeBuilder implements RuntimeBuilder, AutoCloseable {
    /** The time limit for connecting an MCP server and listing its tools when the server sets none. */
    public static final Duration MCP_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The time limit for one MCP tool call. */
    public static final Duration MCP_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** How long an LLM guardrail waits for its model's verdict. */
    private static final Duration JUDGE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Clock clock;
    private final ExportTargets exportTargets;
    private final McpConnector mcp;
    private final Map<AgentType, AgentFactory> factories = new EnumMap<>(AgentType.class);
    private final ChatModels judgeModels;

    /** {@code env} is the process environment model API keys are read from. */
    public DefaultRuntimeBuilder(HttpClient http, Clock clock, Map<String, String> env) {
        this(http, clock, env, new McpConnector(MCP_CONNECT_TIMEOUT, MCP_CALL_TIMEOUT));
    }

    /** {@code mcp} connects the MCP servers; it is closed with this builder. */
    public DefaultRuntimeBuilder(HttpClient http, Clock clock, Map<String, String> env, McpConnector mcp) {
        this.http = http;
        this.clock = clock;
        this.exportTargets = new ExportTargets(env);
        this.mcp = mcp;
        ModelAgentFactory models = new ModelAgentFactory(env);
        this.judgeModels = new ChatModels(env, JUDGE_TIMEOUT);
        factories.put(AgentType.LANGCHAIN4J, models);
        factories.put(AgentType.TRANSLATION_AGENT, new TemplateAgentFactory(models));
        factories.put(AgentType.CORRECTION_AGENT, new TemplateAgentFactory(models));
        factories.put(AgentType.CUSTOM, new CustomAgentFactory());
        factories.put(AgentType.LANGGRAPH, new LangGraphAgentFactory());
    }

    public DefaultRuntimeBuilder(Map<String, String> env) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC(), env);
    }

    /** A builder without environment: model API keys must be in the config. */
    public DefaultRuntimeBuilder() {
        this(Map.of());
    }

    @Override
    public LiveRuntime build(EngineConfig config, long configVersion) throws RuntimeBuildException {
        OidcVerifier sso =
                config.sso() != null && config.sso().enabled() ? new OidcVerifier(config.sso(), http, clock) : null;
        if (!config.configured()) {
            return new LiveRuntime(config, configVersion, null, sso, List.of());
        }
        Guardrails guardrails = Guardrails.build(config, judgeModels, JUDGE_TIMEOUT);
        Telemetry telemetry = Telemetry.of(config, exportTargets);
        McpToolbox tools;
        try {
            tools = mcp.connect(config.mcpServers());
        } catch (RuntimeBuildException | RuntimeException e) {
            telemetry.close();
            throw e;
        }
        try {
            List<String> warnings = new ArrayList<>(tools.warnings());
            AgentFactory factory = factories.get(config.agent().type());
            Agent agent = factory != null
                    ? factory.create(config, tools, warnings)
                    : unavailable(
                            "Agent type " + config.agent().type() + " is not available in this build yet;"
                                    + " use LANGCHAIN4J.",
                            warnings);
            return new LiveRuntime(config, configVersion, agent, sso, tools, telemetry, guardrails, warnings);
        } catch (RuntimeBuildException | RuntimeException e) {
            tools.close();
            telemetry.close();
            throw e;
        }
    }

    @Override
    public void close() {
        mcp.close();
    }

    private static Agent unavailable(String reason, List<String> warnings) {
        warnings.add(reason);
        return new UnavailableAgent(reason);
    }
}
