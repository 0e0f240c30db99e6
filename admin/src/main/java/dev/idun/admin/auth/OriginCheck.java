package dev.idun.admin.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Cross-site request forgery defence for cookie-authenticated writes: the browser's {@code Origin} must be this
 * server's own origin (as the client sees it, so behind a proxy {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} count), or the request carries {@code X-Requested-With}, a header a cross-site form cannot
 * send.
 */
final class OriginCheck {
    private OriginCheck() {}

    static boolean allows(Context ctx) {
        String requestedWith = ctx.header("X-Requested-With");
        if (requestedWith != null && !requestedWith.isBlank()) {
            return true;
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return false;
        }
        String scheme = SessionCookies.forwardedProto(ctx);
        if (scheme == null) {
            scheme = ctx.scheme();
        }
        String host = firstValue(ctx.header("X-Forwarded-Host"));
        if (host == null) {
            host = ctx.header("Host");
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        Endpoint own = Endpoint.parse(scheme + "://" + host.trim());
        Endpoint theirs = Endpoint.parse(origin.trim());
        return own != null && own.equals(theirs);
    }

    private static String firstValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.split(",", 2)[0].trim();
    }

    /** Scheme, host and effective port of an origin. */
    private record Endpoint(String scheme, String host, int port) {
        static Endpoint parse(String text) {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null
                        || uri.getHost() == null
                        || uri.getRawUserInfo() != null
                        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    return null;
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
                return new Endpoint(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
