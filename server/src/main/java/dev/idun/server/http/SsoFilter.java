package dev.idun.server.http;

import dev.idun.admin.http.HttpJson;
import dev.idun.config.Json;
import dev.idun.engine.memory.ThreadScope;
import dev.idun.engine.runtime.RuntimeHolder;
import dev.idun.engine.sso.SsoRejection;
import dev.idun.engine.sso.SsoUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Protects the chat routes ({@code /agent/*} but {@code /agent/config}, and the MCP endpoint {@code /mcp}) with the live runtime's OIDC verifier when
 * SSO is enabled: 401 for a missing or invalid bearer token, 403 for a user outside the allowed e-mails or domains.
 * A verified user's conversations are kept apart from everyone else's ({@link #scopeOf}).
 */
public final class SsoFilter {
    private static final String USER_ATTRIBUTE = "idun.ssoUser";
    private final RuntimeHolder runtimes;

    public SsoFilter(RuntimeHolder runtimes) {
        this.runtimes = runtimes;
    }

    public void register(RoutesConfig routes) {
        routes.before("/agent/*", this::check);
        routes.before("/mcp", this::check);
    }

    /** The threads a request may see: the signed-in user's own under SSO, else the shared ones. */
    public static ThreadScope scopeOf(Context ctx) {
        SsoUser user = ctx.attribute(USER_ATTRIBUTE);
        return ThreadScope.of(user);
    }

    private void check(Context ctx) {
        if (ctx.path().equals("/agent/config") || ctx.method().name().equals("OPTIONS")) {
            return;
        }
        runtimes.current().sso().ifPresent(verifier -> {
            try {
                ctx.attribute(USER_ATTRIBUTE, verifier.verify(ctx.header("Authorization")));
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
