package dev.idun.server.http;

import dev.idun.admin.http.HttpJson;
import dev.idun.config.Json;
import dev.idun.engine.runtime.RuntimeHolder;
import dev.idun.engine.sso.SsoRejection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Protects the chat routes ({@code /agent/*} but {@code /agent/config}, and the MCP endpoint {@code /mcp}) with the live runtime's OIDC verifier when
 * SSO is enabled: 401 for a missing or invalid bearer token, 403 for a user outside the allowed e-mails or domains.
 */
public final class SsoFilter {
    private final RuntimeHolder runtimes;

    public SsoFilter(RuntimeHolder runtimes) {
        this.runtimes = runtimes;
    }

    public void register(RoutesConfig routes) {
        routes.before("/agent/*", this::check);
        routes.before("/mcp", this::check);
    }

    private void check(Context ctx) {
        if (ctx.path().equals("/agent/config") || ctx.method().name().equals("OPTIONS")) {
            return;
        }
        runtimes.current().sso().ifPresent(verifier -> {
            try {
                verifier.verify(ctx.header("Authorization"));
            } catch (SsoRejection e) {
                if (e.status() == 401) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                HttpJson.send(ctx, e.status(), Json.object().put("detail", e.getMessage()));
                ctx.skipRemainingHandlers();
            }
        });
    }
}
