package dev.idun.channels.delivery;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.config.integration.ProviderConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The webhook routes of every provider, registered once: {@code /integrations/{segment}/webhook} serves every
 * enabled integration of the provider, {@code /integrations/{segment}/{slug}/webhook} exactly one. Reloads change
 * what the routes dispatch to, never the router.
 */
final class ChannelWebhookRoutes {
    private final List<ChannelProvider<?>> providers;
    private final WebhookDispatcher dispatcher;

    ChannelWebhookRoutes(List<ChannelProvider<?>> providers, WebhookDispatcher dispatcher) {
        this.providers = List.copyOf(providers);
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    void register(RoutesConfig routes) {
        providers.forEach(provider -> register(routes, provider));
    }

    private <C extends ProviderConfig> void register(RoutesConfig routes, ChannelProvider<C> provider) {
        String shared = "/integrations/" + provider.pathSegment() + "/" + provider.webhookName();
        String single = "/integrations/" + provider.pathSegment() + "/{slug}/" + provider.webhookName();
        routes.post(shared, ctx -> answer(ctx, dispatcher.receive(provider, null, request(ctx))));
        routes.post(single, ctx -> answer(ctx, dispatcher.receive(provider, ctx.pathParam("slug"), request(ctx))));
        if (provider.hasHandshake()) {
            routes.get(shared, ctx -> answer(ctx, dispatcher.handshake(provider, null, request(ctx))));
            routes.get(single, ctx -> answer(ctx, dispatcher.handshake(provider, ctx.pathParam("slug"), request(ctx))));
        }
    }

    private static WebhookRequest request(Context ctx) {
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return new WebhookRequest(ctx.fullUrl(), ctx.headerMap(), query, ctx.bodyAsBytes());
    }

    private static void answer(Context ctx, WebhookAnswer answer) {
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }
}
