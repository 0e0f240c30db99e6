package dev.idun.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/health",
                "/runtime-config.js",
                "/sso/info",
                "/agent/run",
                "/agent/stream",
                "/agent/copilotkit/stream",
                "/agent/invoke",
                "/agent/capabilities",
                "/agent/sessions",
                "/agent/sessions/thread-1",
                "/agent/sessions/thread-1/messages",
                "/admin/api/v1/auth/login",
                "/admin/api/v1/auth/logout",
                "/admin/api/v1/auth/me",
                "/admin/api/v1/auth/change-password",
                "/admin",
                "/admin/dashboard",
                "/admin/agents/new",
                "/login",
                "/login/sso",
                "/_next/static/chunk.js",
                "/some/random/spa/route",
                "/integrations/whatsapp/webhook",
                "/agent/run/"
            })
    void leaves_public_paths_open(String path) {
        assertThat(PublicPaths.isPublic(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/admin/api/v1/agent",
                "/admin/api/v1/memory",
                "/admin/api/v1/guardrails",
                "/admin/api/anything-else",
                "/admin/api",
                "/agent/something-not-listed",
                "/agent/config",
                "/agent/graph",
                "/agent",
                "/_engine/health",
                "/_engine/whatever",
                "/reload",
                "/reload/",
                "//reload",
                "//admin/api/v1/agent",
                "/admin//api/v1/agent",
                "/agent/config/",
                "/agent/sessionsx"
            })
    void keeps_private_paths_closed(String path) {
        assertThat(PublicPaths.isPublic(path)).isFalse();
    }
}
