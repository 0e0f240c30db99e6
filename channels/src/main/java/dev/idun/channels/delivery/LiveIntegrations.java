package dev.idun.channels.delivery;

import dev.idun.channels.ChannelProvider;
import dev.idun.config.Named;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.integration.ProviderConfig;
import dev.idun.engine.runtime.RuntimeHolder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The enabled integrations of the live runtime's config, read at each call, so a reload changes what the next
 * request or delivery attempt sees and never the routes. Thread-safe.
 */
final class LiveIntegrations {
    private final RuntimeHolder runtimes;

    LiveIntegrations(RuntimeHolder runtimes) {
        this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    }

    /** One enabled integration: its slug (the key of its dedupe and delivery rows) and its live config. */
    record Live<C>(String slug, C config) {}

    /** The enabled integrations of {@code provider}, only the one named {@code slug} when it is not null. */
    <C extends ProviderConfig> List<Live<C>> enabled(ChannelProvider<C> provider, String slug) {
        return runtimes.current().config().integrations().stream()
                .filter(Named::enabled)
                .filter(item -> item.config().provider() == provider.provider())
                .filter(item -> provider.configType().isInstance(item.config().config()))
                .map(item -> new Live<>(
                        slugOf(item), provider.configType().cast(item.config().config())))
                .filter(live -> slug == null || slug.equals(live.slug()))
                .toList();
    }

    /** The live config of the enabled integration {@code slug}, or empty when it was disabled or removed. */
    <C extends ProviderConfig> Optional<C> config(ChannelProvider<C> provider, String slug) {
        return enabled(provider, slug).stream().findFirst().map(Live::config);
    }

    boolean agentReady() {
        return runtimes.current().agentReady();
    }

    private static String slugOf(Named<IntegrationConfig> item) {
        return item.slug() != null
                ? item.slug()
                : item.config().provider().name().toLowerCase(Locale.ROOT);
    }
}
