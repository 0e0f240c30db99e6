package dev.idun.admin.configstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.db.AgentRow;
import dev.idun.admin.db.AgentStore;
import dev.idun.admin.db.CollectionRow;
import dev.idun.admin.db.CollectionStore;
import dev.idun.admin.db.CollectionTable;
import dev.idun.admin.db.GuardrailRow;
import dev.idun.admin.db.GuardrailStore;
import dev.idun.admin.db.PromptRow;
import dev.idun.admin.db.PromptStore;
import dev.idun.admin.db.SingletonRow;
import dev.idun.admin.db.SingletonStore;
import dev.idun.admin.db.SingletonTable;
import dev.idun.config.Casing;
import dev.idun.config.ConfigDocument;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.EngineConfig;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import dev.idun.config.Named;
import dev.idun.config.ServerConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.MemoryConfig;
import dev.idun.config.guardrail.GuardrailConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.guardrail.GuardrailPosition;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.config.observability.ObservabilityConfig;
import dev.idun.config.prompt.PromptConfig;
import dev.idun.config.sso.SsoConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Maps the whole config to database rows and back. {@link #load} assembles the config from the rows (disabled items
 * included, with their names and slugs); {@link #replaceAll} writes a config into empty or replaced tables (seed,
 * import). Works inside the caller's transaction.
 */
public final class ConfigStore {
    private final AgentStore agents = new AgentStore();
    private final SingletonStore memory = new SingletonStore(SingletonTable.MEMORY);
    private final SingletonStore observability = new SingletonStore(SingletonTable.OBSERVABILITY);
    private final SingletonStore sso = new SingletonStore(SingletonTable.SSO);
    private final CollectionStore mcpServers = new CollectionStore(CollectionTable.MCP_SERVER);
    private final CollectionStore integrations = new CollectionStore(CollectionTable.INTEGRATION);
    private final GuardrailStore guardrails = new GuardrailStore();
    private final PromptStore prompts = new PromptStore();

    public AgentStore agents() {
        return agents;
    }

    public SingletonStore memory() {
        return memory;
    }

    public SingletonStore observability() {
        return observability;
    }

    public SingletonStore sso() {
        return sso;
    }

    public CollectionStore mcpServers() {
        return mcpServers;
    }

    public CollectionStore integrations() {
        return integrations;
    }

    public GuardrailStore guardrails() {
        return guardrails;
    }

    public PromptStore prompts() {
        return prompts;
    }

    /** True when no agent has been stored yet (a fresh database). */
    public boolean isEmpty(Handle h) {
        return agents.find(h).isEmpty();
    }

    /** The server port the stored agent config names, or empty without a readable agent row (reads that row only). */
    public Optional<Integer> storedPort(Handle h) {
        try {
            return agents.find(h)
                    .map(row -> ConfigDocument.read(Json.parse(row.baseEngineConfigJson())))
                    .filter(EngineConfig::configured)
                    .map(config -> config.server().port());
        } catch (ConfigValidationException e) {
            return Optional.empty();
        }
    }

    public EngineConfig load(Handle h) {
        List<FieldError> errors = new ArrayList<>();
        ServerConfig server = ServerConfig.DEFAULT;
        AgentConfig agent = null;
        Optional<AgentRow> agentRow = agents.find(h);
        if (agentRow.isPresent()) {
            try {
                EngineConfig base =
                        ConfigDocument.read(Json.parse(agentRow.get().baseEngineConfigJson()));
                server = base.server();
                agent = base.agent();
            } catch (ConfigValidationException e) {
                throw new AssemblyException(
                        "The stored agent config is corrupted (agent="
                                + agentRow.get().name()
                                + "). Fix it with PATCH /admin/api/v1/agent or import a known good config.",
                        e.errors());
            }
        }
        MemoryConfig memoryConfig = memory.find(h)
                .map(row -> MemoryConfig.read(Json.parse(row.configJson()), "memory", errors))
                .orElse(null);
        List<Named<McpServerConfig>> mcp =
                readCollection(h, mcpServers, "mcpServers", (json, path) -> McpServerConfig.read(json, path, errors));
        List<Named<IntegrationConfig>> channels = readCollection(
                h, integrations, "integrations", (json, path) -> IntegrationConfig.read(json, path, errors));
        List<GuardrailEntry> guards = new ArrayList<>();
        for (GuardrailRow row : guardrails.list(h)) {
            GuardrailConfig guard =
                    GuardrailConfig.read(Json.parse(row.configJson()), "guardrails." + row.slug(), errors);
            GuardrailPosition position = GuardrailPosition.parse(row.position()).orElse(null);
            if (position == null) {
                errors.add(FieldError.invalid("guardrails." + row.slug() + ".position", "Unknown position"));
            } else if (guard != null) {
                guards.add(new GuardrailEntry(row.name(), row.slug(), row.enabled(), position, guard));
            }
        }
        ObservabilityConfig observabilityConfig = observability
                .find(h)
                .map(row -> ObservabilityConfig.read(Json.parse(row.configJson()), "observability", errors))
                .orElse(null);
        SsoConfig ssoConfig = sso.find(h)
                .map(row -> SsoConfig.read(Json.parse(row.configJson()), "sso", errors))
                .orElse(null);
        List<PromptConfig> latestPrompts = latestPrompts(h, errors);
        if (!errors.isEmpty()) {
            throw new AssemblyException("Assembled config failed validation.", errors);
        }
        return new EngineConfig(
                server, agent, memoryConfig, mcp, guards, observabilityConfig, ssoConfig, channels, latestPrompts);
    }

    private static <T> List<Named<T>> readCollection(
            Handle h, CollectionStore store, String section, BiFunction<JsonNode, String, T> reader) {
        List<Named<T>> items = new ArrayList<>();
        for (CollectionRow row : store.list(h)) {
            T config = reader.apply(Json.parse(row.configJson()), section + "." + row.slug());
            if (config != null) {
                items.add(new Named<>(row.name(), row.slug(), row.enabled(), config));
            }
        }
        return items;
    }

    private List<PromptConfig> latestPrompts(Handle h, List<FieldError> errors) {
        Map<String, PromptConfig> latest = new LinkedHashMap<>();
        for (PromptRow row : prompts.list(h)) {
            if (!latest.containsKey(row.promptId())) {
                List<String> tags = new ArrayList<>();
                JsonNode node = Json.parse(row.tagsJson());
                if (node.isArray()) {
                    node.forEach(tag -> tags.add(tag.asText()));
                } else {
                    errors.add(FieldError.invalid("prompts." + row.promptId() + ".tags", "Stored tags are not a list"));
                }
                latest.put(row.promptId(), new PromptConfig(row.promptId(), row.version(), row.content(), tags));
            }
        }
        return List.copyOf(latest.values());
    }

    /** Replaces every stored section with the given config (all-or-nothing inside the caller's transaction). */
    public void replaceAll(Handle h, EngineConfig config, Instant now) {
        agents.deleteAll(h);
        memory.delete(h);
        observability.delete(h);
        sso.delete(h);
        mcpServers.deleteAll(h);
        integrations.deleteAll(h);
        guardrails.deleteAll(h);
        prompts.deleteAll(h);
        if (config.agent() != null) {
            agents.insert(h, agentRow(UUID.randomUUID().toString(), config.server(), config.agent(), now, now));
        }
        if (config.memory() != null) {
            String framework = config.agent() == null
                    ? "LANGCHAIN4J"
                    : config.agent().type().name();
            memory.upsert(
                    h, new SingletonRow(framework, Json.write(config.memory().toJson()), now));
        }
        if (config.observability() != null) {
            observability.upsert(
                    h, new SingletonRow(null, Json.write(config.observability().toJson(Casing.SNAKE)), now));
        }
        if (config.sso() != null) {
            sso.upsert(h, new SingletonRow(null, Json.write(config.sso().toJson(Casing.SNAKE)), now));
        }
        Clock clock = new Clock(now);
        insertCollection(
                h, mcpServers, config.mcpServers(), item -> item.config().toJson(Casing.SNAKE), clock);
        insertCollection(
                h,
                integrations,
                config.integrations(),
                item -> item.config().withEnabled(item.enabled()).toJson(Casing.SNAKE),
                clock);
        Set<String> guardSlugs = new HashSet<>();
        Map<GuardrailPosition, Integer> order = new LinkedHashMap<>();
        for (GuardrailEntry entry : config.guardrails()) {
            String slug = assignSlug(entry.slug(), entry.name(), guardSlugs);
            int sortOrder = order.merge(entry.position(), 1, Integer::sum) - 1;
            Instant at = clock.next();
            guardrails.insert(
                    h,
                    new GuardrailRow(
                            UUID.randomUUID().toString(),
                            slug,
                            entry.name(),
                            entry.enabled(),
                            entry.position().wire(),
                            sortOrder,
                            Json.write(entry.config().toJson()),
                            at,
                            at));
        }
        for (PromptConfig prompt : config.prompts()) {
            ArrayNode tags = Json.mapper().createArrayNode();
            prompt.tags().forEach(tags::add);
            Instant at = clock.next();
            prompts.insert(
                    h,
                    new PromptRow(
                            UUID.randomUUID().toString(),
                            prompt.promptId(),
                            prompt.version(),
                            prompt.content(),
                            Json.write(tags),
                            at,
                            at));
        }
    }

    /** The agent row for a config's server and agent sections. */
    public static AgentRow agentRow(String id, ServerConfig server, AgentConfig agent, Instant createdAt, Instant now) {
        ObjectNode base = Json.object();
        base.set("server", server.toJson());
        base.set("agent", agent.toJson(null));
        return new AgentRow(id, agent.name(), null, null, "active", null, Json.write(base), createdAt, now);
    }

    private interface ToJson<T> {
        ObjectNode apply(Named<T> item);
    }

    private static <T> void insertCollection(
            Handle h, CollectionStore store, List<Named<T>> items, ToJson<T> toJson, Clock clock) {
        Set<String> taken = new HashSet<>();
        for (Named<T> item : items) {
            String slug = assignSlug(item.slug(), item.name(), taken);
            Instant at = clock.next();
            store.insert(
                    h,
                    new CollectionRow(
                            UUID.randomUUID().toString(),
                            slug,
                            item.name(),
                            item.enabled(),
                            Json.write(toJson.apply(item)),
                            at,
                            at));
        }
    }

    private static String assignSlug(String given, String name, Set<String> taken) {
        String base = given != null
                ? given
                : Slugs.normalize(name)
                        .orElseThrow(() -> new AssemblyException(
                                "Cannot derive a slug from the provided name.",
                                List.of(new FieldError(
                                        "name", "Cannot derive a slug from name '" + name + "'", "invalid"))));
        String slug = Slugs.unique(base, taken)
                .orElseThrow(() -> new AssemblyException(
                        "Could not find a unique slug for '" + base + "' after 99 attempts", List.of()));
        taken.add(slug);
        return slug;
    }

    /** Strictly increasing creation times, so that list order is insertion order. */
    private static final class Clock {
        private Instant last;

        Clock(Instant start) {
            this.last = start.minusMillis(1);
        }

        Instant next() {
            last = last.plusMillis(1);
            return last;
        }
    }
}
