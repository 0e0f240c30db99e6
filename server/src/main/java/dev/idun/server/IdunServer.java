package dev.idun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.agent.AgentAdminRoutes;
import dev.idun.admin.auth.AuthGate;
import dev.idun.admin.auth.AuthMode;
import dev.idun.admin.auth.AuthRoutes;
import dev.idun.admin.auth.AuthService;
import dev.idun.admin.auth.LoginRateLimiter;
import dev.idun.admin.auth.PasswordHasher;
import dev.idun.admin.auth.SessionSigner;
import dev.idun.admin.configstore.AssemblyException;
import dev.idun.admin.configstore.ConfigSeeder;
import dev.idun.admin.configstore.ConfigStore;
import dev.idun.admin.db.AdminUserStore;
import dev.idun.admin.db.ConfigVersionStore;
import dev.idun.admin.db.Database;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.SessionStore;
import dev.idun.admin.document.ConfigDocumentRoutes;
import dev.idun.admin.guardrails.GuardrailRoutes;
import dev.idun.admin.http.AdminErrorMapper;
import dev.idun.admin.integrations.IntegrationActivityRoutes;
import dev.idun.admin.integrations.IntegrationRoutes;
import dev.idun.admin.mcp.McpServerRoutes;
import dev.idun.admin.memory.MemoryRoutes;
import dev.idun.admin.observability.ObservabilityRoutes;
import dev.idun.admin.onboarding.OnboardingRoutes;
import dev.idun.admin.onboarding.ProjectScanner;
import dev.idun.admin.prompts.PromptRoutes;
import dev.idun.admin.reload.MonotonicClock;
import dev.idun.admin.reload.ReloadPipeline;
import dev.idun.admin.runtime.RuntimeStatusRoutes;
import dev.idun.admin.sso.SsoRoutes;
import dev.idun.admin.traces.TraceRetention;
import dev.idun.admin.traces.TraceRoutes;
import dev.idun.admin.traces.TraceStore;
import dev.idun.channels.delivery.ChannelOptions;
import dev.idun.channels.delivery.Channels;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.engine.mcp.McpToolLister;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.memory.JdbcConversationStore;
import dev.idun.engine.observability.ExportStats;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeBuilder;
import dev.idun.engine.runtime.RuntimeHolder;
import dev.idun.engine.traces.JdbcTraceWriter;
import dev.idun.engine.traces.TraceWriterStats;
import dev.idun.server.channels.AdminChannelBridge;
import dev.idun.server.channels.ChannelProviders;
import dev.idun.server.http.AgentInfoRoutes;
import dev.idun.server.http.AgentRoutes;
import dev.idun.server.http.EngineRoutes;
import dev.idun.server.http.OpenApiRoutes;
import dev.idun.server.http.RuntimeConfigRoutes;
import dev.idun.server.http.SsoFilter;
import dev.idun.server.mcp.AgentAskTool;
import dev.idun.server.mcp.AgentMcpRoutes;
import dev.idun.server.mcp.EngineMcpToolProbe;
import dev.idun.server.runtime.HolderReloader;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every object of a running server, in order (database, stores, runtime, pipeline,
 * HTTP), and owns their shutdown. One instance per process.
 */
public final class IdunServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdunServer.class);
    public static final String VERSION = "0.1.0";

    private final Database database;
    private final RuntimeHolder runtimes;
    private final ReloadPipeline pipeline;
    private final ScheduledExecutorService poller;
    private final McpToolLister mcpTools;
    private final ConversationMemory memory;
    private final JdbcTraceWriter traceWriter;
    private final ScheduledExecutorService traceRetention;
    private final Channels channels;
    private final Javalin app;

    private IdunServer(
            Settings settings,
            RuntimeBuilder builder,
            ConfigFile configFile,
            Map<String, String> environment,
            Clock authClock) {
        this.database = Database.open(DatabaseUrl.parse(settings.databaseUrl()));
        try {
            ConfigStore store = new ConfigStore();
            MonotonicClock clock = new MonotonicClock(Clock.systemUTC());
            AuthMode authMode = AuthMode.fromWire(settings.authMode());
            AuthService auth = authService(settings, authClock);
            if (authMode == AuthMode.PASSWORD) {
                auth.seedAdmin(settings.adminPasswordHash());
            }
            LoginRateLimiter loginLimiter = new LoginRateLimiter(authClock);
            new StartupSeed(new ConfigSeeder(database.jdbi(), store), configFile, settings.seedStarter())
                    .run(clock.now());
            this.runtimes = new RuntimeHolder(initialRuntime(store, builder), settings.drainTime());
            HolderReloader reloader = new HolderReloader(builder, runtimes);
            this.pipeline = new ReloadPipeline(database.jdbi(), store, reloader, clock);
            ReentrantLock databaseWrites = new ReentrantLock();
            this.memory = new ConversationMemory(
                    new JdbcConversationStore(database.dataSource(), Clock.systemUTC(), databaseWrites),
                    Clock.systemUTC());
            this.traceWriter =
                    new JdbcTraceWriter(database.dataSource(), JdbcTraceWriter.DEFAULT_CAPACITY, databaseWrites);
            RunPipeline runs = new RunPipeline(runtimes, memory, traceWriter);
            TraceStore traces = new TraceStore();
            int retentionDays = settings.traceRetentionDays();
            Path workingDirectory = Path.of("").toAbsolutePath();
            this.mcpTools = new McpToolLister(Duration.ofSeconds(5));
            this.channels = new Channels(
                    runtimes,
                    runs,
                    database.dataSource(),
                    ChannelProviders.of(settings.channels()),
                    channelOptions(settings.channels()),
                    Clock.systemUTC());
            this.app = Javalin.create(config -> {
                config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
                config.startup.showJavalinBanner = false;
                config.jetty.host = settings.host();
                config.jetty.port = settings.port();
                new AdminErrorMapper().register(config.routes);
                new AuthGate(authMode, auth).register(config.routes);
                new AuthRoutes(authMode, auth, loginLimiter).register(config.routes);
                new RuntimeConfigRoutes(authMode.wire()).register(config.routes);
                new EngineRoutes(runtimes, VERSION).register(config.routes);
                new OpenApiRoutes().register(config.routes);
                new SsoFilter(runtimes).register(config.routes);
                new AgentRoutes(runs).register(config.routes);
                new AgentMcpRoutes(new AgentAskTool(runs), VERSION).register(config.routes);
                new AgentInfoRoutes(runtimes, runs).register(config.routes);
                new AgentAdminRoutes(pipeline, store.agents()).register(config.routes);
                new MemoryRoutes(pipeline, store.memory()).register(config.routes);
                new ObservabilityRoutes(pipeline, store.observability()).register(config.routes);
                new SsoRoutes(pipeline, store.sso()).register(config.routes);
                new IntegrationRoutes(pipeline, store.integrations()).register(config.routes);
                new McpServerRoutes(pipeline, store.mcpServers(), new EngineMcpToolProbe(mcpTools))
                        .register(config.routes);
                new GuardrailRoutes(pipeline, store.guardrails()).register(config.routes);
                new PromptRoutes(pipeline, store.prompts()).register(config.routes);
                new RuntimeStatusRoutes(pipeline, reloader).register(config.routes);
                new ConfigDocumentRoutes(pipeline, store).register(config.routes);
                new OnboardingRoutes(
                                pipeline, store, new ProjectScanner(workingDirectory), workingDirectory, environment)
                        .register(config.routes);
                new TraceRoutes(database.jdbi(), traces, Clock.systemUTC(), () -> traceStatus(retentionDays))
                        .register(config.routes);
                new IntegrationActivityRoutes(pipeline, store.integrations(), new AdminChannelBridge(channels))
                        .register(config.routes);
                channels.register(config.routes);
            });
            this.traceRetention = daemonScheduler("trace-retention");
            TraceRetention retention = new TraceRetention(database.jdbi(), traces, Clock.systemUTC(), retentionDays);
            traceRetention.scheduleWithFixedDelay(retention::purgeQuietly, 0, 1, TimeUnit.HOURS);
            this.poller = daemonScheduler("config-version-poller");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        long pollMillis = settings.configPollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::syncQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Builds and starts a server; the port is bound when this returns. {@code environment} is the merged process
     * environment the settings came from (onboarding reports which model API keys it holds).
     */
    public static IdunServer start(Settings settings, RuntimeBuilder builder, Map<String, String> environment) {
        return start(settings, builder, environment, Clock.systemUTC());
    }

    /** As {@link #start(Settings, RuntimeBuilder, Map)}, with the clock that session expiry and login limits follow. */
    public static IdunServer start(
            Settings settings, RuntimeBuilder builder, Map<String, String> environment, Clock authClock) {
        IdunServer server =
                new IdunServer(settings, builder, new ConfigFile(settings.configPath()), environment, authClock);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info(
                "Serving on http://{}:{} (agent ready: {})",
                settings.host(),
                server.port(),
                server.runtimes.current().agentReady());
        return server;
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The trace writer's counters and the live runtime's export counters. */
    private ObjectNode traceStatus(int retentionDays) {
        TraceWriterStats writer = traceWriter.stats();
        ObjectNode body = Json.object().put("retentionDays", retentionDays);
        body.putObject("writer")
                .put("accepted", writer.accepted())
                .put("written", writer.written())
                .put("dropped", writer.dropped())
                .put("failed", writer.failed())
                .put("queued", writer.queued())
                .put("capacity", writer.capacity());
        Optional<ExportStats> export = runtimes.current().telemetry().exportStats();
        if (export.isPresent()) {
            body.putObject("export")
                    .put("provider", export.get().provider())
                    .put("endpoint", Secrets.maskUrl(export.get().endpoint()))
                    .put("exported", export.get().exported())
                    .put("dropped", export.get().dropped())
                    .put("failed", export.get().failed())
                    .put("queued", export.get().queued());
        } else {
            body.putNull("export");
        }
        return body;
    }

    private AuthService authService(Settings settings, Clock authClock) {
        SessionSigner signer = settings.sessionSecret().isEmpty()
                ? SessionSigner.withRandomSecret()
                : new SessionSigner(settings.sessionSecret());
        return new AuthService(
                database.jdbi(),
                new AdminUserStore(),
                new SessionStore(),
                new PasswordHasher(),
                signer,
                authClock,
                Duration.ofHours(settings.sessionTtlHours()));
    }

    private static ChannelOptions channelOptions(ChannelSettings settings) {
        ChannelOptions defaults = ChannelOptions.DEFAULT;
        return new ChannelOptions(
                settings.workers(),
                defaults.maxQueued(),
                defaults.retry().withBaseDelay(Duration.ofMillis(settings.retryBaseMillis())),
                settings.logMessageBodies(),
                defaults.shutdownWait());
    }

    private LiveRuntime initialRuntime(ConfigStore store, RuntimeBuilder builder) {
        ConfigVersionStore versions = new ConfigVersionStore();
        long version = database.jdbi().inTransaction(versions::current);
        EngineConfig config;
        try {
            config = database.jdbi().inTransaction(store::load);
        } catch (AssemblyException e) {
            LOG.error("The stored config does not assemble, starting unconfigured: {} {}", e.getMessage(), e.errors());
            return LiveRuntime.unconfigured(EngineConfig.empty(), version);
        }
        try {
            return builder.build(config, version);
        } catch (Exception e) {
            LOG.error("The stored agent could not start, starting unconfigured: {}", e.getMessage());
            return new LiveRuntime(
                    EngineConfig.empty(),
                    version,
                    null,
                    List.of("The stored agent could not start: " + e.getMessage()));
        }
    }

    private void syncQuietly() {
        try {
            pipeline.syncFromDatabase();
        } catch (RuntimeException e) {
            LOG.error("Config version check failed", e);
        }
    }

    public int port() {
        return app.port();
    }

    public RuntimeHolder runtimes() {
        return runtimes;
    }

    public Database database() {
        return database;
    }

    /** Every HTTP route registered on the router (method and path pattern), for checks that must cover them all. */
    public List<Endpoint> httpRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .toList();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        traceRetention.shutdownNow();
        app.stop();
        channels.close();
        mcpTools.close();
        runtimes.close();
        traceWriter.close();
        memory.close();
        database.close();
    }
}
