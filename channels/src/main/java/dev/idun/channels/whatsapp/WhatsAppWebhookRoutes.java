package dev.idun.channels.whatsapp;

import dev.idun.channels.http.Secrets;
import dev.idun.config.Named;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.WhatsAppConfig;
import dev.idun.engine.runtime.RuntimeHolder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The WhatsApp webhook verification handshake ({@code GET /integrations/whatsapp/webhook}), answered from the live
 * config: the challenge is echoed when the token matches the verify token of an enabled WhatsApp integration. The
 * routes are registered once; reloads change what they see, not the router.
 */
public final class WhatsAppWebhookRoutes {
    private final RuntimeHolder runtimes;

    public WhatsAppWebhookRoutes(RuntimeHolder runtimes) {
        this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    }

    public void register(RoutesConfig routes) {
        routes.get("/integrations/whatsapp/webhook", ctx -> verify(ctx, null));
        routes.get("/integrations/whatsapp/{slug}/webhook", ctx -> verify(ctx, ctx.pathParam("slug")));
    }

    private void verify(Context ctx, String slug) {
        List<WhatsAppConfig> candidates = runtimes.current().config().integrations().stream()
                .filter(Named::enabled)
                .filter(item -> item.config().provider() == IntegrationProvider.WHATSAPP)
                .filter(item -> slug == null || slug.equals(item.slug()))
                .map(Named::config)
                .map(IntegrationConfig::config)
                .map(WhatsAppConfig.class::cast)
                .toList();
        if (candidates.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{\"detail\":\"Not Found\"}");
            return;
        }
        String mode = ctx.queryParam("hub.mode");
        String token = ctx.queryParam("hub.verify_token");
        String challenge = ctx.queryParam("hub.challenge");
        boolean matches = false;
        for (WhatsAppConfig candidate : candidates) {
            matches |= Secrets.constantTimeEquals(candidate.verifyToken(), token);
        }
        if ("subscribe".equals(mode) && matches) {
            ctx.status(200).contentType("text/plain; charset=utf-8").result(challenge == null ? "" : challenge);
        } else {
            ctx.status(403).contentType("text/plain; charset=utf-8").result("");
        }
    }
}
