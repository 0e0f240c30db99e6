package dev.idun.admin.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.AgentRow;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.HttpJson;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.ServerConfig;
import dev.idun.config.agent.AgentConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/api/v1/onboarding}: whether an agent is configured and which model keys the server sees
 * ({@code GET /state}), a scan of a project for agent jars and classes ({@code POST /scan}), and the creation of a
 * first model agent ({@code POST /create-starter}). The environment is given, never read here.
 */
public final class OnboardingRoutes {
    private static final String BASE = "/admin/api/v1/onboarding";
    static final String ALREADY_CONFIGURED = "Agent already configured. Use PATCH /admin/api/v1/agent to update it.";
    private static final Map<String, List<String>> PROVIDER_KEYS = providerKeys();

    private final ReloadPipeline pipeline;
    private final ConfigStore store;
    private final ProjectScanner scanner;
    private final Path workingDirectory;
    private final Map<String, String> environment;

    public OnboardingRoutes(
            ReloadPipeline pipeline,
            ConfigStore store,
            ProjectScanner scanner,
            Path workingDirectory,
            Map<String, String> environment) {
        this.pipeline = pipeline;
        this.store = store;
        this.scanner = scanner;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
    }

    private static Map<String, List<String>> providerKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("openai", List.of("OPENAI_API_KEY"));
        keys.put("anthropic", List.of("ANTHROPIC_API_KEY"));
        keys.put("gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"));
        return keys;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/state", this::state);
        routes.post(BASE + "/scan", this::scan);
        routes.post(BASE + "/create-starter", this::createStarter);
    }

    private void state(Context ctx) {
        Optional<AgentRow> agent = pipeline.read(store.agents()::find);
        ObjectNode body = Json.object().put("state", agent.isPresent() ? "ALREADY_CONFIGURED" : "NOT_CONFIGURED");
        body.set("currentAgent", agent.map(OnboardingRoutes::currentAgent).orElse(null));
        ArrayNode providers = body.putArray("detectedProviders");
        PROVIDER_KEYS.forEach((provider, names) -> {
            if (names.stream().anyMatch(this::present)) {
                providers.add(provider);
            }
        });
        providers.add("echo");
        HttpJson.send(ctx, 200, body);
    }

    private boolean present(String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    private void scan(Context ctx) {
        ObjectNode body = ctx.body().isBlank() ? Json.object() : HttpJson.objectBody(ctx);
        Path root = scanRoot(body.get("root"));
        ScanResult result = scanner.scan(root);
        Optional<AgentRow> agent = pipeline.read(store.agents()::find);
        ObjectNode response = Json.object().put("state", scanState(agent.isPresent(), result));
        response.set("scanResult", result.toJson());
        response.set("currentAgent", agent.map(OnboardingRoutes::currentAgent).orElse(null));
        HttpJson.send(ctx, 200, response);
    }

    /** The working directory unless told; a root outside it must be an existing directory (not a link). */
    private Path scanRoot(JsonNode given) {
        if (given == null || given.isNull()) {
            return workingDirectory;
        }
        if (!given.isTextual() || given.asText().isBlank()) {
            throw rootError("Input should be a non-empty string", "string_type");
        }
        Path root;
        try {
            root = workingDirectory.resolve(given.asText()).normalize();
        } catch (InvalidPathException e) {
            throw rootError("Input should be a valid path", "path_type");
        }
        if (!root.startsWith(workingDirectory) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw rootError("A root outside the working directory must be an existing directory", "path_not_directory");
        }
        return root;
    }

    private static AdminApiException rootError(String message, String code) {
        return AdminApiException.invalidBody(List.of(new FieldError("root", message, code)));
    }

    static String scanState(boolean configured, ScanResult result) {
        if (configured) {
            return "ALREADY_CONFIGURED";
        }
        if (!result.hasJavaArtifacts()) {
            return "EMPTY";
        }
        return switch (result.detected().size()) {
            case 0 -> "NO_SUPPORTED";
            case 1 -> "ONE_DETECTED";
            default -> "MANY_DETECTED";
        };
    }

    private void createStarter(Context ctx) {
        StarterRequest request = StarterRequest.read(HttpJson.objectBody(ctx));
        AgentConfig agent = request.toAgentConfig();
        if (pipeline.read(store.agents()::find).isPresent()) {
            throw AdminApiException.conflict(ALREADY_CONFIGURED);
        }
        ReloadPipeline.Mutation<AgentRow> result = pipeline.mutate((h, now) -> {
            if (store.agents().find(h).isPresent()) {
                throw AdminApiException.conflict(ALREADY_CONFIGURED);
            }
            AgentRow row = ConfigStore.agentRow(UUID.randomUUID().toString(), ServerConfig.DEFAULT, agent, now, now);
            store.agents().insert(h, row);
            return row;
        });
        AgentRow row = result.data();
        ObjectNode data = currentAgent(row);
        JsonNode base = Json.parse(row.baseEngineConfigJson());
        Secrets.maskPaths(base.get("agent"), AgentConfig.SECRET_PATHS);
        data.set("baseEngineConfig", base);
        HttpJson.sendMutation(ctx, 200, data, result.reload());
    }

    /** The agent as {@code {id, name, type}}; the type is null when the stored config cannot be read. */
    private static ObjectNode currentAgent(AgentRow row) {
        return Json.object().put("id", row.id()).put("name", row.name()).put("type", storedType(row));
    }

    private static String storedType(AgentRow row) {
        try {
            JsonNode type = Json.parse(row.baseEngineConfigJson()).path("agent").path("type");
            return type.isTextual() ? type.asText() : null;
        } catch (ConfigValidationException e) {
            return null;
        }
    }
}
