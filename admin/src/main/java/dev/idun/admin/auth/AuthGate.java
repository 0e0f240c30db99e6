package dev.idun.admin.auth;

import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.AdminErrorMapper;
import dev.idun.admin.http.ErrorCode;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Set;

/**
 * The password-mode gate in front of every request: a private path (see {@link PublicPaths}) without a valid session
 * cookie gets 401 {@code {"detail":"Authentication required."}}, and an admin write that carries the cookie must come
 * from this server's own origin (else 403 {@code forbidden}). In none mode nothing is registered.
 */
public final class AuthGate {
    static final String LOGIN_PATH = "/admin/api/v1/auth/login";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuthMode mode;
    private final AuthService auth;

    public AuthGate(AuthMode mode, AuthService auth) {
        this.mode = Objects.requireNonNull(mode);
        this.auth = Objects.requireNonNull(auth);
    }

    public void register(RoutesConfig routes) {
        if (mode == AuthMode.PASSWORD) {
            routes.before(this::check);
        }
    }

    void check(Context ctx) {
        String path = PublicPaths.normalize(ctx.path());
        String cookie = SessionCookies.read(ctx);
        if (!PublicPaths.isPublic(path) && auth.validate(cookie).isEmpty()) {
            unauthorized(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        if (cookie != null
                && !cookie.isEmpty()
                && WRITES.contains(ctx.method().name())
                && path.startsWith(AdminErrorMapper.ADMIN_PREFIX)
                && !path.equals(LOGIN_PATH)
                && !OriginCheck.allows(ctx)) {
            AdminErrorMapper.send(
                    ctx,
                    new AdminApiException(
                            403,
                            ErrorCode.FORBIDDEN,
                            "Cross-site request refused: send an Origin header matching this server, or"
                                    + " X-Requested-With.",
                            null,
                            null));
            ctx.skipRemainingHandlers();
        }
    }

    static void unauthorized(Context ctx) {
        HttpJson.send(ctx, 401, Json.object().put("detail", "Authentication required."));
    }
}
