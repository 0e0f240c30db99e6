package dev.idun.channels.delivery;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.CredentialCheck;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.integration.ProviderConfig;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.RuntimeHolder;
import io.javalin.config.RoutesConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messaging channels of a server: the webhook routes of the given providers over the shared machinery (verify,
 * dedupe, fast answer, background runs through the {@link RunPipeline}, split, retried delivery, delivery log), the
 * delivery log and credential checks the admin API shows, and the background work to stop at shutdown. The tables
 * are the server database's ({@code idun_channel_dedupe}, {@code idun_channel_delivery}). Thread-safe.
 */
public final class Channels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);
    /** Providers redeliver for hours, at most days: ids older than this can be forgotten. */
    private static final Duration DEDUPE_RETENTION = Duration.ofDays(30);

    private static final Duration LOG_RETENTION = Duration.ofDays(30);

    private final List<ChannelProvider<?>> providers;
    private final ChannelOptions options;
    private final DedupeStore dedupe;
    private final DeliveryLog log;
    private final ConversationExecutor executor;
    private final ChannelWebhookRoutes routes;
    private final ScheduledExecutorService pruner;

    public Channels(
            RuntimeHolder runtimes,
            RunPipeline runs,
            DataSource dataSource,
            List<ChannelProvider<?>> providers,
            ChannelOptions options,
            Clock clock) {
        this.providers = List.copyOf(providers);
        this.options = Objects.requireNonNull(options, "options");
        LiveIntegrations live = new LiveIntegrations(runtimes);
        this.dedupe = new DedupeStore(dataSource, clock);
        this.log = new DeliveryLog(dataSource, clock, options.logMessageBodies());
        this.executor = new ConversationExecutor(options.workers(), options.maxQueued());
        MessageHandler handler = new MessageHandler(
                new AgentReplies(runs), new ReplySender(live, options.retry(), new SecureRandom()), log);
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                live, dedupe, log, executor, handler, new RejectionThrottle(clock, Duration.ofSeconds(1)));
        this.routes = new ChannelWebhookRoutes(this.providers, dispatcher);
        this.pruner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "channel-pruner");
            thread.setDaemon(true);
            return thread;
        });
        pruner.scheduleWithFixedDelay(this::prune, 1, 360, TimeUnit.MINUTES);
    }

    /** Registers the webhook routes of every provider (once, at startup). */
    public void register(RoutesConfig routesConfig) {
        routes.register(routesConfig);
    }

    /** The latest {@code limit} delivery log rows of the integration {@code slug}, newest first. */
    public List<Delivery> deliveries(String slug, int limit) {
        return log.recent(slug, limit);
    }

    /** Checks {@code integration}'s credentials against its provider. */
    public CredentialCheck check(IntegrationConfig integration) {
        for (ChannelProvider<?> provider : providers) {
            if (provider.provider() == integration.provider()) {
                return check(provider, integration.config());
            }
        }
        return CredentialCheck.failed(
                "Credential checks for " + integration.provider().displayName() + " are not available in this build");
    }

    private static <C extends ProviderConfig> CredentialCheck check(
            ChannelProvider<C> provider, ProviderConfig config) {
        if (!provider.configType().isInstance(config)) {
            return CredentialCheck.failed("The integration's config does not match its provider");
        }
        try {
            return provider.check(provider.configType().cast(config));
        } catch (RuntimeException e) {
            return CredentialCheck.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void prune() {
        try {
            dedupe.prune(DEDUPE_RETENTION);
            log.prune(LOG_RETENTION);
        } catch (RuntimeException e) {
            LOG.warn("Pruning the channel tables failed: {}", e.getMessage());
        }
    }

    /** Stops taking messages, lets replies in flight finish (up to the shutdown wait). */
    @Override
    public void close() {
        pruner.shutdownNow();
        executor.close(options.shutdownWait());
    }
}
