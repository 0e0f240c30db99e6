package dev.idun.admin.auth;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The {@code idun_session} cookie's {@code Set-Cookie} headers: HttpOnly, Path=/, SameSite=Lax, and Secure when the
 * request came over TLS, directly or through a proxy that says so in {@code X-Forwarded-Proto}.
 */
final class SessionCookies {
    static final String NAME = "idun_session";

    private SessionCookies() {}

    static void set(Context ctx, String value, long maxAgeSeconds) {
        ctx.res()
                .addHeader("Set-Cookie", NAME + "=" + value + "; HttpOnly; Max-Age=" + maxAgeSeconds + attributes(ctx));
    }

    static void clear(Context ctx) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        NAME + "=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Max-Age=0" + attributes(ctx));
    }

    static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equals(forwardedProto(ctx));
    }

    /** The first value of {@code X-Forwarded-Proto}, lower case, or null. */
    static String forwardedProto(Context ctx) {
        String header = ctx.header("X-Forwarded-Proto");
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String attributes(Context ctx) {
        return "; Path=/; SameSite=Lax" + (secure(ctx) ? "; Secure" : "");
    }
}
