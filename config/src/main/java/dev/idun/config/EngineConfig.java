package dev.idun.config;

import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.MemoryConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.config.observability.ObservabilityConfig;
import dev.idun.config.prompt.PromptConfig;
import dev.idun.config.sso.SsoConfig;
import java.util.List;
import java.util.Objects;

/**
 * The whole configuration of one server: the agent and everything around it. Immutable. {@code agent} is null on an
 * unconfigured server; {@code memory}, {@code observability} and {@code sso} are null when not configured.
 * Collections keep disabled items (with their names) so that nothing is lost on export; the runtime uses
 * {@link #enabledIntegrations()} and friends.
 */
public record EngineConfig(
        ServerConfig server,
        AgentConfig agent,
        MemoryConfig memory,
        List<Named<McpServerConfig>> mcpServers,
        List<GuardrailEntry> guardrails,
        ObservabilityConfig observability,
        SsoConfig sso,
        List<Named<IntegrationConfig>> integrations,
        List<PromptConfig> prompts) {

    public EngineConfig {
        Objects.requireNonNull(server, "server");
        mcpServers = List.copyOf(mcpServers);
        guardrails = List.copyOf(guardrails);
        integrations = List.copyOf(integrations);
        prompts = List.copyOf(prompts);
    }

    public static EngineConfig empty() {
        return new EngineConfig(
                ServerConfig.DEFAULT, null, null, List.of(), List.of(), null, null, List.of(), List.of());
    }

    public static EngineConfig ofAgent(AgentConfig agent) {
        return empty().withAgent(agent);
    }

    public boolean configured() {
        return agent != null;
    }

    public EngineConfig withAgent(AgentConfig value) {
        return new EngineConfig(
                server, value, memory, mcpServers, guardrails, observability, sso, integrations, prompts);
    }

    public EngineConfig withServer(ServerConfig value) {
        return new EngineConfig(
                value, agent, memory, mcpServers, guardrails, observability, sso, integrations, prompts);
    }

    public List<IntegrationConfig> enabledIntegrations() {
        return integrations.stream()
                .filter(Named::enabled)
                .map(item -> item.config().withEnabled(true))
                .toList();
    }

    public List<McpServerConfig> enabledMcpServers() {
        return mcpServers.stream().filter(Named::enabled).map(Named::config).toList();
    }

    public List<GuardrailEntry> enabledGuardrails() {
        return guardrails.stream().filter(GuardrailEntry::enabled).toList();
    }
}
