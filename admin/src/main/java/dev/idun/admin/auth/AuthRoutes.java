package dev.idun.admin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.AdminApiException;
import dev.idun.admin.http.AdminErrorMapper;
import dev.idun.admin.http.ErrorCode;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/api/v1/auth}: who am I, login, logout and password change. Failed password attempts, at login and at
 * password change, count against the client's address in the {@link LoginRateLimiter}.
 */
public final class AuthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
    private static final String BASE = "/admin/api/v1/auth";

    private final AuthMode mode;
    private final AuthService auth;
    private final LoginRateLimiter limiter;

    public AuthRoutes(AuthMode mode, AuthService auth, LoginRateLimiter limiter) {
        this.mode = Objects.requireNonNull(mode);
        this.auth = Objects.requireNonNull(auth);
        this.limiter = Objects.requireNonNull(limiter);
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE + "/me", this::me);
        routes.post(BASE + "/login", this::login);
        routes.post(BASE + "/logout", this::logout);
        routes.post(BASE + "/change-password", this::changePassword);
    }

    private void me(Context ctx) {
        boolean authenticated =
                mode == AuthMode.NONE || auth.validate(SessionCookies.read(ctx)).isPresent();
        HttpJson.send(
                ctx, 200, Json.object().put("authenticated", authenticated).put("authMode", mode.wire()));
    }

    private void login(Context ctx) {
        if (mode != AuthMode.PASSWORD) {
            throw new AdminApiException(
                    503,
                    ErrorCode.UNSUPPORTED_MODE,
                    "Login is not available \u2014 IDUN_ADMIN_AUTH_MODE is not 'password'.",
                    null,
                    null);
        }
        if (rateLimited(ctx)) {
            return;
        }
        String password = requiredStrings(HttpJson.objectBody(ctx), "password").get(0);
        String cookie;
        try {
            cookie = auth.login(password);
        } catch (InvalidCredentialsException | AdminNotSeededException e) {
            failed(ctx, "login");
            throw new AdminApiException(401, ErrorCode.AUTH_REQUIRED, "Invalid credentials.", null, null);
        }
        limiter.reset(ctx.ip());
        SessionCookies.set(ctx, cookie, auth.ttl().toSeconds());
        HttpJson.send(ctx, 200, Json.object().put("ok", true));
    }

    private void logout(Context ctx) {
        if (mode == AuthMode.PASSWORD) {
            auth.logout(SessionCookies.read(ctx));
        }
        SessionCookies.clear(ctx);
        HttpJson.send(ctx, 200, Json.object().put("ok", true));
    }

    private void changePassword(Context ctx) {
        String sessionId = null;
        if (mode == AuthMode.PASSWORD) {
            Optional<String> session = auth.validate(SessionCookies.read(ctx));
            if (session.isEmpty()) {
                AuthGate.unauthorized(ctx);
                return;
            }
            sessionId = session.get();
        }
        List<String> values = requiredStrings(HttpJson.objectBody(ctx), "currentPassword", "newPassword");
        if (!AuthService.acceptablePassword(values.get(1))) {
            throw AdminApiException.validation(
                    "New password must be at least " + AuthService.MIN_PASSWORD_LENGTH + " characters.", null);
        }
        if (rateLimited(ctx)) {
            return;
        }
        try {
            auth.changePassword(sessionId, values.get(0), values.get(1));
        } catch (AdminNotSeededException e) {
            throw new AdminApiException(
                    503, ErrorCode.UNSUPPORTED_MODE, "Admin row missing \u2014 check startup seed.", null, null);
        } catch (InvalidCredentialsException e) {
            failed(ctx, "password change");
            throw new AdminApiException(401, ErrorCode.AUTH_REQUIRED, "Current password is incorrect.", null, null);
        }
        limiter.reset(ctx.ip());
        HttpJson.send(ctx, 200, Json.object().put("ok", true));
    }

    private boolean rateLimited(Context ctx) {
        Optional<Duration> wait = limiter.blockedFor(ctx.ip());
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = wait.get().toSeconds();
        LOG.warn("Admin password attempt from {} refused: too many failures", ctx.ip());
        ObjectNode details = Json.object().put("retryAfterSeconds", seconds);
        ctx.header("Retry-After", Long.toString(seconds));
        AdminErrorMapper.send(
                ctx,
                new AdminApiException(
                        429,
                        ErrorCode.RATE_LIMITED,
                        "Too many failed password attempts. Try again in " + seconds + " seconds.",
                        details,
                        null));
        return true;
    }

    private void failed(Context ctx, String what) {
        limiter.recordFailure(ctx.ip());
        LOG.warn("Failed admin {} from {}", what, ctx.ip());
    }

    /** The named string fields, each required; every problem is reported at once as a 422. */
    private static List<String> requiredStrings(ObjectNode body, String... names) {
        List<String> values = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String name : names) {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                errors.add(new FieldError(name, "Field required", "missing"));
            } else if (!value.isTextual()) {
                errors.add(new FieldError(name, "Input should be a valid string", "string_type"));
            } else {
                values.add(value.asText());
            }
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        return values;
    }
}
