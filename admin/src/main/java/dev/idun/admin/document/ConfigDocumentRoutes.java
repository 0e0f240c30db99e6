package dev.idun.admin.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.config.ConfigDocument;
import dev.idun.config.ConfigSecrets;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.EngineConfig;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole config as one YAML document: {@code GET /admin/api/v1/config/export} (secrets masked unless
 * {@code includeSecrets=true}) and {@code POST /admin/api/v1/config/import} (replaces everything through the reload
 * pipeline, all or nothing; masked values keep the stored secrets; {@code dryRun=true} only validates and builds).
 */
public final class ConfigDocumentRoutes {
    private final ReloadPipeline pipeline;
    private final ConfigStore store;

    public ConfigDocumentRoutes(ReloadPipeline pipeline, ConfigStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/api/v1/config/export", this::export);
        routes.post("/admin/api/v1/config/import", this::importDocument);
    }

    private void export(Context ctx) {
        ObjectNode document = ConfigDocument.write(pipeline.read(store::load));
        if (!"true".equalsIgnoreCase(ctx.queryParam("includeSecrets"))) {
            ConfigSecrets.mask(document);
        }
        ctx.status(200)
                .contentType("application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"idun-config.yaml\"")
                .result(Json.writeYaml(document));
    }

    private void importDocument(Context ctx) {
        JsonNode parsed;
        try {
            parsed = Json.parseYaml(ctx.body());
        } catch (ConfigValidationException e) {
            throw AdminApiException.invalidBody(e.errors());
        }
        if (!parsed.isObject()) {
            throw AdminApiException.invalidBody(List.of(
                    new FieldError("body", "The body must be a YAML mapping (the config document)", "model_type")));
        }
        ObjectNode incoming = (ObjectNode) parsed;
        boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dryRun"));
        ReloadPipeline.Stage<EngineConfig> stage = (handle, now) -> {
            List<FieldError> errors = new ArrayList<>();
            ConfigSecrets.restore(incoming, ConfigDocument.write(store.load(handle)), errors);
            if (!errors.isEmpty()) {
                throw AdminApiException.invalidBody(errors);
            }
            EngineConfig config;
            try {
                config = ConfigDocument.read(incoming);
            } catch (ConfigValidationException e) {
                throw AdminApiException.invalidBody(e.errors());
            }
            store.replaceAll(handle, config, now);
            return config;
        };
        ReloadPipeline.Mutation<EngineConfig> result = dryRun ? pipeline.dryRun(stage) : pipeline.mutate(stage);
        HttpJson.sendMutation(ctx, 200, summary(result.data()), result.reload());
    }

    private static ObjectNode summary(EngineConfig config) {
        ObjectNode data = Json.object();
        if (config.agent() != null) {
            data.put("agent", config.agent().name());
        } else {
            data.putNull("agent");
        }
        data.put("mcpServers", config.mcpServers().size())
                .put("guardrails", config.guardrails().size())
                .put("integrations", config.integrations().size())
                .put("prompts", config.prompts().size())
                .put("observability", config.observability() != null)
                .put("sso", config.sso() != null)
                .put("configHash", ConfigDocument.hash(config));
        return data;
    }
}
