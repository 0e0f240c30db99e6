package dev.idun.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.MemoryConfig;
import dev.idun.config.guardrail.GuardrailConfig;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.config.observability.ObservabilityConfig;
import java.util.List;

/**
 * Secrets in a whole config document (the file format of {@link ConfigDocument}): masks every secret for display,
 * and puts the stored secret back where an imported document carries a masked value. Collection items are matched
 * with the stored ones by {@code slug}, else by position.
 */
public final class ConfigSecrets {
    private ConfigSecrets() {}

    public static void mask(ObjectNode document) {
        forEachSection(document, null, (incoming, stored, paths, path) -> Secrets.maskPaths(incoming, paths));
    }

    /** Restores masked values of {@code incoming} from {@code stored}; mismatches are reported in {@code errors}. */
    public static void restore(ObjectNode incoming, ObjectNode stored, List<FieldError> errors) {
        forEachSection(
                incoming,
                stored,
                (item, storedItem, paths, path) -> Secrets.restorePaths(item, storedItem, paths, path, errors));
    }

    private interface SectionVisitor {
        void visit(JsonNode item, JsonNode storedItem, List<String> paths, String path);
    }

    private static void forEachSection(ObjectNode document, ObjectNode stored, SectionVisitor visitor) {
        JsonNode agent = document.get("agent");
        JsonNode storedAgent = stored == null ? null : stored.get("agent");
        visitor.visit(agent, storedAgent, AgentConfig.SECRET_PATHS, "agent");
        visitor.visit(
                agent == null ? null : agent.path("config").get("checkpointer"),
                storedAgent == null ? null : storedAgent.path("config").get("checkpointer"),
                MemoryConfig.SECRET_PATHS,
                "agent.config.checkpointer");
        items(document, stored, "mcp_servers", McpServerConfig.SECRET_PATHS, visitor);
        items(document, stored, "integrations", IntegrationConfig.allSecretPaths(), visitor);
        items(document, stored, "observability", ObservabilityConfig.SECRET_PATHS, visitor);
        JsonNode guardrails = document.get("guardrails");
        JsonNode storedGuardrails = stored == null ? null : stored.get("guardrails");
        if (guardrails != null && guardrails.isObject()) {
            for (String position : List.of("input", "output")) {
                items(
                        (ObjectNode) guardrails,
                        (ObjectNode) storedGuardrails,
                        position,
                        GuardrailConfig.SECRET_PATHS,
                        visitor,
                        "guardrails.");
            }
        }
    }

    private static void items(
            ObjectNode document, ObjectNode stored, String key, List<String> paths, SectionVisitor visitor) {
        items(document, stored, key, paths, visitor, "");
    }

    private static void items(
            ObjectNode document,
            ObjectNode stored,
            String key,
            List<String> paths,
            SectionVisitor visitor,
            String prefix) {
        JsonNode list = document.get(key);
        if (list == null || !list.isArray()) {
            return;
        }
        JsonNode storedList = stored == null ? null : stored.get(key);
        if (storedList != null && !storedList.isArray()) {
            storedList = null;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            visitor.visit(item, match(item, storedList, i), paths, prefix + key + "." + i);
        }
    }

    private static JsonNode match(JsonNode item, JsonNode storedList, int index) {
        if (storedList == null) {
            return null;
        }
        String slug = item.path("slug").asText(null);
        if (slug != null) {
            for (JsonNode candidate : storedList) {
                if (slug.equals(candidate.path("slug").asText(null))) {
                    return candidate;
                }
            }
            return null;
        }
        return index < storedList.size() ? storedList.get(index) : null;
    }
}
