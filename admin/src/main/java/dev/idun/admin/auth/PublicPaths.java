package dev.idun.admin.auth;

import java.util.Set;

/**
 * Which request paths password mode leaves open. The chat routes are open here because single sign-on, not the admin
 * password, protects them; {@code /agent/config} and every other agent route stay private. Rules in order: exact
 * public paths, the auth API (public), the rest of the admin API (private), the web UI's pages and assets (public),
 * other agent and engine routes (private), {@code /reload} (private), everything else public.
 */
final class PublicPaths {
    private static final Set<String> EXACT = Set.of(
            "/",
            "/health",
            "/runtime-config.js",
            "/sso/info",
            "/agent/run",
            "/agent/stream",
            "/agent/copilotkit/stream",
            "/agent/invoke",
            "/agent/capabilities",
            "/agent/sessions");

    private PublicPaths() {}

    static boolean isPublic(String rawPath) {
        String path = normalize(rawPath);
        if (EXACT.contains(path)) {
            return true;
        }
        if (path.startsWith("/agent/sessions/")) {
            return true;
        }
        if (path.startsWith("/admin/api/v1/auth/")) {
            return true;
        }
        if (path.startsWith("/admin/api/") || path.equals("/admin/api")) {
            return false;
        }
        if (path.startsWith("/admin") || path.startsWith("/login") || path.startsWith("/_next/")) {
            return true;
        }
        if (path.startsWith("/agent/") || path.equals("/agent") || path.startsWith("/_engine/")) {
            return false;
        }
        return !path.equals("/reload");
    }

    /**
     * Repeated and trailing slashes are dropped, because the router matches {@code /reload/} and {@code //reload} to
     * the same handler as {@code /reload}; the gate must judge the path the router will serve.
     */
    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String collapsed = path.replaceAll("/{2,}", "/");
        while (collapsed.length() > 1 && collapsed.endsWith("/")) {
            collapsed = collapsed.substring(0, collapsed.length() - 1);
        }
        return collapsed.startsWith("/") ? collapsed : "/" + collapsed;
    }
}
