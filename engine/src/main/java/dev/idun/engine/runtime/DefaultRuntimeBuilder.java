package dev.idun.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EchoAgent;
import dev.idun.engine.agent.UnavailableAgent;
import dev.idun.engine.sso.OidcVerifier;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the runtime of this server from a config: the agent and SSO today; channels and tools join it later. */
public final class DefaultRuntimeBuilder implements RuntimeBuilder {
    private final HttpClient http;
    private final Clock clock;

    public DefaultRuntimeBuilder(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    public DefaultRuntimeBuilder() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
    }

    @Override
    public LiveRuntime build(EngineConfig config, long configVersion) throws RuntimeBuildException {
        OidcVerifier sso =
                config.sso() != null && config.sso().enabled() ? new OidcVerifier(config.sso(), http, clock) : null;
        if (!config.configured()) {
            return new LiveRuntime(config, configVersion, null, sso, List.of());
        }
        List<String> warnings = new ArrayList<>();
        Agent agent = buildAgent(config.agent(), warnings);
        return new LiveRuntime(config, configVersion, agent, sso, warnings);
    }

    private static Agent buildAgent(AgentConfig agent, List<String> warnings) {
        if (agent.type() == AgentType.LANGCHAIN4J) {
            JsonNode provider = agent.settings().path("model").path("provider");
            if (provider.asText().equals("echo")) {
                return new EchoAgent();
            }
            return unavailable(
                    "Model provider '" + provider.asText() + "' is not available in this build yet;"
                            + " use provider 'echo'.",
                    warnings);
        }
        return unavailable(
                "Agent type " + agent.type() + " is not available in this build yet;"
                        + " use LANGCHAIN4J with model provider 'echo'.",
                warnings);
    }

    private static Agent unavailable(String reason, List<String> warnings) {
        warnings.add(reason);
        return new UnavailableAgent(reason);
    }
}
