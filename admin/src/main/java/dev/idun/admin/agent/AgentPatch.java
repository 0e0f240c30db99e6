package dev.idun.admin.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.resources.PatchFields;
import dev.idun.config.Casing;
import dev.idun.config.ConfigDocument;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.EngineConfig;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.ServerConfig;
import dev.idun.config.agent.AgentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code PATCH /agent} body. Metadata fields are present or not ({@code description}, {@code version} and
 * {@code baseUrl} may be sent as null to clear them); {@code server} and {@code agent} are the validated sections of
 * {@code baseEngineConfig}, or null when not sent.
 */
record AgentPatch(
        String name, Field description, Field version, Field baseUrl, ServerConfig server, AgentConfig agent) {

    /** An optional metadata field: whether it was sent, and its value (null clears it). */
    record Field(boolean present, String value) {
        static final Field ABSENT = new Field(false, null);
    }

    /** Sections of the engine config that have their own admin resource and cannot be set through the agent. */
    private static final Map<String, String> OTHER_RESOURCES = Map.of(
            "mcpServers", "/admin/api/v1/mcp-servers",
            "guardrails", "/admin/api/v1/guardrails",
            "observability", "/admin/api/v1/observability",
            "sso", "/admin/api/v1/sso",
            "integrations", "/admin/api/v1/integrations",
            "prompts", "/admin/api/v1/prompts",
            "memory", "/admin/api/v1/memory");

    boolean isEmpty() {
        return name == null
                && !description.present()
                && !version.present()
                && !baseUrl.present()
                && server == null
                && agent == null;
    }

    /** True when the body carries {@code baseEngineConfig.agent} (whether or not it is valid). */
    static boolean carriesAgent(ObjectNode body) {
        List<FieldError> ignored = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, ignored);
        JsonNode base = r.get("baseEngineConfig");
        return base != null && base.isObject() && base.hasNonNull("agent");
    }

    /**
     * Reads the body, recording every problem in {@code errors}; a masked API key sent back is replaced by the one in
     * {@code storedAgent} (the stored {@code {type, config}} object, or null).
     */
    static AgentPatch read(ObjectNode body, JsonNode storedAgent, List<FieldError> errors) {
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        PatchFields.rejectNulls(r, errors, "name", "baseEngineConfig");
        String name = r.get("name") == null ? null : bounded(r, "name", r.requiredString("name"), 255);
        Field description = field(r, "description", Integer.MAX_VALUE);
        Field version = field(r, "version", 50);
        Field baseUrl = field(r, "baseUrl", 255);
        ServerConfig server = null;
        AgentConfig agent = null;
        ObjectNode base = r.optionalObject("baseEngineConfig");
        if (base != null) {
            FieldReader b = FieldReader.of(base, "baseEngineConfig", Casing.CAMEL, errors);
            OTHER_RESOURCES.forEach((section, route) -> {
                if (b.get(section) != null) {
                    b.error(section, "Set " + section + " through " + route + ".", "value_error");
                }
            });
            JsonNode agentNode = b.get("agent");
            if (agentNode != null && agentNode.path("config").hasNonNull("checkpointer")) {
                errors.add(new FieldError(
                        "baseEngineConfig.agent.config.checkpointer",
                        "Set memory through /admin/api/v1/memory.",
                        "value_error"));
            }
            if (agentNode != null) {
                Secrets.restorePaths(
                        agentNode, storedAgent, AgentConfig.SECRET_PATHS, "baseEngineConfig.agent", errors);
            }
            ObjectNode document = Json.object();
            if (b.get("server") != null) {
                document.set("server", b.get("server"));
            }
            if (agentNode != null) {
                document.set("agent", agentNode);
            }
            try {
                EngineConfig config = ConfigDocument.read(document);
                server = b.get("server") != null ? config.server() : null;
                agent = config.agent();
            } catch (ConfigValidationException e) {
                e.errors()
                        .forEach(error -> errors.add(
                                new FieldError("baseEngineConfig." + error.field(), error.message(), error.code())));
            }
        }
        if (agent != null
                && name == null
                && agent.name().codePointCount(0, agent.name().length()) > 255) {
            errors.add(new FieldError(
                    "baseEngineConfig.agent.config.name",
                    "String should have at most 255 characters",
                    "string_too_long"));
        }
        return new AgentPatch(name, description, version, baseUrl, server, agent);
    }

    private static Field field(FieldReader r, String camelName, int maxLength) {
        if (!r.has(camelName)) {
            return Field.ABSENT;
        }
        String value = r.get(camelName) == null ? null : r.optionalString(camelName, null);
        return new Field(true, bounded(r, camelName, value, maxLength));
    }

    private static String bounded(FieldReader r, String camelName, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            r.error(camelName, "String should have at most " + maxLength + " characters", "string_too_long");
        }
        return value;
    }
}
