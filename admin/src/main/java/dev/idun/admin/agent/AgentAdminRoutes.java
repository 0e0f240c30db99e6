package dev.idun.admin.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.AgentRow;
import dev.idun.admin.db.AgentStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.admin.reload.ReloadResult;
import dev.idun.config.ConfigDocument;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.EngineConfig;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.ServerConfig;
import dev.idun.config.agent.AgentConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/api/v1/agent}: the one agent of this server. PATCH changes its metadata and, through
 * {@code baseEngineConfig}, its server port and its whole agent section (which also creates the agent on an
 * unconfigured server); {@code ?dryRun=true} validates and builds without saving. The row's {@code name} and the
 * agent's {@code config.name} are kept equal: a PATCH that sets one sets both, and a top-level {@code name} wins.
 */
public final class AgentAdminRoutes {
    private static final String BASE = "/admin/api/v1/agent";
    private static final String NOT_CONFIGURED =
            "Standalone is not configured. Seed via IDUN_CONFIG_PATH at first boot,"
                    + " or send baseEngineConfig.agent in PATCH /admin/api/v1/agent.";
    private static final String[] OTHER_SECTIONS = {
        "mcpServers", "guardrails", "observability", "sso", "integrations", "prompts"
    };

    private final ReloadPipeline pipeline;
    private final AgentStore agents;

    public AgentAdminRoutes(ReloadPipeline pipeline, AgentStore agents) {
        this.pipeline = pipeline;
        this.agents = agents;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::get);
        routes.patch(BASE, this::patch);
    }

    private void get(Context ctx) {
        AgentRow row = pipeline.read(agents::find).orElseThrow(AgentAdminRoutes::notConfigured);
        HttpJson.send(ctx, 200, toJson(row));
    }

    private void patch(Context ctx) {
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        ObjectNode body = HttpJson.objectBody(ctx);
        Optional<AgentRow> existing = pipeline.read(agents::find);
        if (existing.isEmpty() && !AgentPatch.carriesAgent(body)) {
            throw notConfigured();
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode storedAgent = existing.map(row -> storedBase(row).get("agent")).orElse(null);
        AgentPatch patch = AgentPatch.read(body, storedAgent, errors);
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        if (patch.isEmpty()) {
            HttpJson.sendMutation(ctx, 200, toJson(existing.orElseThrow()), ReloadResult.NO_CHANGES);
            return;
        }
        ReloadPipeline.Stage<AgentRow> stage = (h, now) -> {
            Optional<AgentRow> current = agents.find(h);
            AgentRow row = current.isPresent() ? updated(current.get(), patch, now) : created(patch, now);
            if (current.isPresent()) {
                agents.update(h, row);
            } else {
                agents.insert(h, row);
            }
            return row;
        };
        ReloadPipeline.Mutation<AgentRow> result = dryRun ? pipeline.dryRun(stage) : pipeline.mutate(stage);
        HttpJson.sendMutation(ctx, 200, toJson(result.data()), result.reload());
    }

    private static AgentRow created(AgentPatch patch, Instant now) {
        if (patch.agent() == null) {
            throw notConfigured();
        }
        AgentConfig agent = renamed(patch.agent(), patch.name());
        ServerConfig server = patch.server() != null ? patch.server() : ServerConfig.DEFAULT;
        AgentRow row = ConfigStore.agentRow(UUID.randomUUID().toString(), server, agent, now, now);
        return new AgentRow(
                row.id(),
                agent.name(),
                patch.description().value(),
                patch.version().value(),
                row.status(),
                patch.baseUrl().value(),
                row.baseEngineConfigJson(),
                now,
                now);
    }

    private static AgentRow updated(AgentRow row, AgentPatch patch, Instant now) {
        ObjectNode base = storedBase(row);
        if (patch.server() != null) {
            base.set("server", patch.server().toJson());
        }
        if (patch.agent() != null) {
            base.set("agent", patch.agent().toJson(null));
        }
        String name = patch.name() != null
                ? patch.name()
                : patch.agent() != null ? patch.agent().name() : row.name();
        if ((patch.name() != null || patch.agent() != null)
                && base.path("agent").path("config").isObject()) {
            ((ObjectNode) base.get("agent").get("config")).put("name", name);
        }
        return new AgentRow(
                row.id(),
                name,
                patch.description().present() ? patch.description().value() : row.description(),
                patch.version().present() ? patch.version().value() : row.version(),
                row.status(),
                patch.baseUrl().present() ? patch.baseUrl().value() : row.baseUrl(),
                Json.write(base),
                row.createdAt(),
                now);
    }

    private static AgentConfig renamed(AgentConfig agent, String name) {
        if (name == null || name.equals(agent.name())) {
            return agent;
        }
        return new AgentConfig(agent.type(), name, agent.settings().put("name", name));
    }

    private static ObjectNode storedBase(AgentRow row) {
        try {
            JsonNode node = Json.parse(row.baseEngineConfigJson());
            return node.isObject() ? (ObjectNode) node.deepCopy() : Json.object();
        } catch (ConfigValidationException e) {
            return Json.object();
        }
    }

    private static AdminApiException notConfigured() {
        return AdminApiException.notFound(NOT_CONFIGURED);
    }

    /**
     * The agent as the API shows it: the stored server and agent sections (normalized when they validate, as stored
     * when they do not, so that a corrupt agent can still be seen and fixed), secrets masked.
     */
    static ObjectNode toJson(AgentRow row) {
        ObjectNode stored = storedBase(row);
        JsonNode server = stored.hasNonNull("server") ? stored.get("server") : ServerConfig.DEFAULT.toJson();
        JsonNode agent = stored.get("agent");
        try {
            EngineConfig config = ConfigDocument.read(stored);
            server = config.server().toJson();
            agent = config.agent() == null ? null : config.agent().toJson(null);
        } catch (ConfigValidationException e) {
            agent = agent == null ? null : agent.deepCopy();
        }
        if (agent != null) {
            Secrets.maskPaths(agent, AgentConfig.SECRET_PATHS);
        }
        ObjectNode base = Json.object();
        base.set("server", server);
        base.set("agent", agent);
        for (String section : OTHER_SECTIONS) {
            base.putNull(section);
        }
        ObjectNode node = Json.object().put("id", row.id()).putNull("slug");
        node.put("name", row.name())
                .put("description", row.description())
                .put("version", row.version())
                .put("status", row.status())
                .put("baseUrl", row.baseUrl());
        node.set("baseEngineConfig", base);
        node.put("createdAt", row.createdAt().toString());
        node.put("updatedAt", row.updatedAt().toString());
        return node;
    }
}
