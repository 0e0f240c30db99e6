package dev.idun.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The config file format (the reference's EngineConfig YAML, snake_case): reads a whole document into an
 * {@link EngineConfig} with every field error, and writes one back. Collection items may carry {@code name} and
 * {@code enabled}; an MCP server's row name, when it differs from the server's own {@code name}, is
 * {@code display_name}.
 */
public final class ConfigDocument {
    private ConfigDocument() {}

    public static EngineConfig readYaml(String text) {
        return read(Json.parseYaml(text));
    }

    public static String writeYaml(EngineConfig config) {
        return Json.writeYaml(write(config));
    }

    public static EngineConfig read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EngineConfig.empty();
        }
        FieldReader r = FieldReader.of(root, "", Casing.SNAKE, errors);
        ServerConfig server = ServerConfig.read(r.get("server"), "server", errors);
        AgentConfig agent = null;
        MemoryConfig memory = null;
        JsonNode agentNode = r.get("agent");
        if (agentNode != null) {
            agent = AgentConfig.read(agentNode, "agent", errors);
            JsonNode checkpointer = agentNode.path("config").get("checkpointer");
            // AgentConfig.read has already reported a bad checkpointer; read it only from a valid agent.
            if (agent != null && checkpointer != null && !checkpointer.isNull()) {
                memory = MemoryConfig.read(checkpointer, "agent.config.checkpointer", errors);
            }
        }
        EngineConfig config = new EngineConfig(
                server,
                agent,
                memory,
                readMcpServers(r, errors),
                readGuardrails(r, errors),
                readObservability(r, errors),
                r.get("sso") == null ? null : SsoConfig.read(r.get("sso"), "sso", Casing.SNAKE, errors),
                readIntegrations(r, errors),
                readPrompts(r, errors));
        if (!errors.isEmpty()) {
            throw new ConfigValidationException("Config is invalid.", errors);
        }
        return config;
    }

    private static List<Named<McpServerConfig>> readMcpServers(FieldReader r, List<FieldError> errors) {
        List<Named<McpServerConfig>> items = new ArrayList<>();
        forEachItem(r, "mcpServers", errors, (item, path) -> {
            ObjectNode fields = item.deepCopy();
            String displayName = text(fields.remove("display_name"));
            String slug = text(fields.remove("slug"));
            boolean enabled = FieldReader.of(fields, path, Casing.SNAKE, errors).optionalBoolean("enabled", true);
            fields.remove("enabled");
            McpServerConfig server = McpServerConfig.read(fields, path, Casing.SNAKE, errors);
            if (server != null) {
                items.add(new Named<>(displayName != null ? displayName : server.name(), slug, enabled, server));
            }
        });
        return items;
    }

    private static List<GuardrailEntry> readGuardrails(FieldReader r, List<FieldError> errors) {
        List<GuardrailEntry> items = new ArrayList<>();
        JsonNode node = r.get("guardrails");
        if (node == null) {
            return items;
        }
        FieldReader guardrails = FieldReader.of(node, "guardrails", Casing.SNAKE, errors);
        for (GuardrailPosition position : GuardrailPosition.values()) {
            forEachItem(guardrails, position.wire(), errors, (item, path) -> {
                ObjectNode fields = item.deepCopy();
                String name = text(fields.remove("name"));
                String slug = text(fields.remove("slug"));
                boolean enabled =
                        FieldReader.of(fields, path, Casing.SNAKE, errors).optionalBoolean("enabled", true);
                fields.remove("enabled");
                GuardrailConfig guard = GuardrailConfig.read(fields, path, errors);
                if (guard != null) {
                    items.add(
                            new GuardrailEntry(name != null ? name : guard.configId(), slug, enabled, position, guard));
                }
            });
        }
        return items;
    }

    private static ObservabilityConfig readObservability(FieldReader r, List<FieldError> errors) {
        JsonNode node = r.get("observability");
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            if (node.size() > 1) {
                errors.add(FieldError.invalid("observability", "Only one observability provider is supported"));
                return null;
            }
            return node.isEmpty()
                    ? null
                    : ObservabilityConfig.read(node.get(0), "observability.0", Casing.SNAKE, errors);
        }
        return ObservabilityConfig.read(node, "observability", Casing.SNAKE, errors);
    }

    private static List<Named<IntegrationConfig>> readIntegrations(FieldReader r, List<FieldError> errors) {
        List<Named<IntegrationConfig>> items = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        forEachItem(r, "integrations", errors, (item, path) -> {
            ObjectNode fields = item.deepCopy();
            String name = text(fields.remove("name"));
            String slug = text(fields.remove("slug"));
            IntegrationConfig integration = IntegrationConfig.read(fields, path, Casing.SNAKE, errors);
            if (integration != null) {
                String base = integration.provider().displayName();
                int count = seen.merge(base, 1, Integer::sum);
                String derived = count == 1 ? base : base + " " + count;
                items.add(new Named<>(name != null ? name : derived, slug, integration.enabled(), integration));
            }
        });
        return items;
    }

    private static List<PromptConfig> readPrompts(FieldReader r, List<FieldError> errors) {
        List<PromptConfig> items = new ArrayList<>();
        forEachItem(r, "prompts", errors, (item, path) -> {
            PromptConfig prompt = PromptConfig.read(item, path, Casing.SNAKE, errors);
            if (prompt != null) {
                items.add(prompt);
            }
        });
        return items;
    }

    private interface ItemReader {
        void read(ObjectNode item, String path);
    }

    private static void forEachItem(FieldReader r, String camelName, List<FieldError> errors, ItemReader reader) {
        JsonNode list = r.get(camelName);
        if (list == null) {
            return;
        }
        String path = r.path(camelName);
        if (!list.isArray()) {
            errors.add(new FieldError(path, "Input should be a valid list", "list_type"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                errors.add(new FieldError(path + "." + i, "Input should be an object", "model_type"));
            } else {
                reader.read((ObjectNode) item, path + "." + i);
            }
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The whole config in the file format, secrets included. */
    public static ObjectNode write(EngineConfig config) {
        ObjectNode root = Json.object();
        root.set("server", config.server().toJson());
        if (config.agent() != null) {
            root.set("agent", config.agent().toJson(config.memory()));
        }
        if (!config.mcpServers().isEmpty()) {
            ArrayNode list = root.putArray("mcp_servers");
            for (Named<McpServerConfig> item : config.mcpServers()) {
                ObjectNode node = item.config().toJson(Casing.SNAKE);
                if (!item.name().equals(item.config().name())) {
                    node.put("display_name", item.name());
                }
                putSlug(node, item.slug());
                node.put("enabled", item.enabled());
                list.add(node);
            }
        }
        if (!config.guardrails().isEmpty()) {
            ObjectNode guardrails = root.putObject("guardrails");
            for (GuardrailPosition position : GuardrailPosition.values()) {
                ArrayNode list = guardrails.putArray(position.wire());
                config.guardrails().stream()
                        .filter(g -> g.position() == position)
                        .forEach(g -> {
                            ObjectNode node = Json.object().put("name", g.name());
                            putSlug(node, g.slug());
                            node.put("enabled", g.enabled());
                            node.setAll(g.config().toJson());
                            list.add(node);
                        });
            }
        }
        if (config.observability() != null) {
            root.putArray("observability").add(config.observability().toJson(Casing.SNAKE));
        }
        if (config.sso() != null) {
            root.set("sso", config.sso().toJson(Casing.SNAKE));
        }
        if (!config.integrations().isEmpty()) {
            ArrayNode list = root.putArray("integrations");
            for (Named<IntegrationConfig> item : config.integrations()) {
                ObjectNode node = Json.object().put("name", item.name());
                putSlug(node, item.slug());
                node.setAll(item.config().withEnabled(item.enabled()).toJson(Casing.SNAKE));
                list.add(node);
            }
        }
        if (!config.prompts().isEmpty()) {
            ArrayNode list = root.putArray("prompts");
            config.prompts().forEach(p -> list.add(p.toJson(Casing.SNAKE)));
        }
        return root;
    }

    private static void putSlug(ObjectNode node, String slug) {
        if (slug != null) {
            node.put("slug", slug);
        }
    }

    /** Lowercase hex SHA-256 of the canonical JSON (sorted keys, no spaces) of the whole config. */
    public static String hash(EngineConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(canonical(write(config))).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            fields.forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode out = Json.object();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.mapper().createArrayNode();
            node.forEach(item -> out.add(canonical(item)));
            return out;
        }
        return node;
    }
}
