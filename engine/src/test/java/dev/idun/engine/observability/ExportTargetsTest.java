package dev.idun.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.config.observability.ObservabilityConfig;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportTargetsTest {
    private final ExportTargets targets =
            new ExportTargets(Map.of("LF_SECRET", "sk-from-env", "LANGSMITH_API_KEY", "ls-env-key"));

    private ExportTarget target(String provider, String json) throws RuntimeBuildException {
        return targets.of(new ObservabilityConfig(provider, true, (ObjectNode) Json.parse(json)), "agent")
                .orElseThrow();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void langfuse_posts_to_its_otel_endpoint_with_basic_auth_and_resolves_variables() throws Exception {
        ExportTarget target = target(
                "LANGFUSE",
                "{\"host\": \"https://lf.example/\", \"publicKey\": \"pk-1\", \"secretKey\": \"${LF_SECRET}\"}");

        assertThat(target.endpoint()).isEqualTo("https://lf.example/api/public/otel/v1/traces");
        assertThat(target.headers()).containsExactly(Map.entry("Authorization", basic("pk-1", "sk-from-env")));
        assertThat(target.toString()).doesNotContain("sk-from-env");
    }

    @Test
    void langfuse_defaults_to_the_cloud_host_and_needs_both_keys() throws Exception {
        assertThat(target("LANGFUSE", "{\"publicKey\": \"pk\", \"secret_key\": \"sk\"}")
                        .endpoint())
                .isEqualTo("https://cloud.langfuse.com/api/public/otel/v1/traces");
        assertThatThrownBy(() -> target("LANGFUSE", "{\"publicKey\": \"pk\"}"))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessageContaining("secretKey");
    }

    @Test
    void phoenix_posts_to_the_collector_with_its_project_and_optional_key() throws Exception {
        ExportTarget target = target(
                "PHOENIX",
                "{\"collectorEndpoint\": \"http://127.0.0.1:6006\", \"projectName\": \"demo\", \"apiKey\": \"px\"}");

        assertThat(target.endpoint()).isEqualTo("http://127.0.0.1:6006/v1/traces");
        assertThat(target.resourceAttributes())
                .containsEntry("openinference.project.name", "demo")
                .containsEntry("service.name", "agent");
        assertThat(target.headers()).containsEntry("api_key", "px").containsEntry("Authorization", "Bearer px");
        assertThatThrownBy(() -> target("PHOENIX", "{}")).hasMessageContaining("collectorEndpoint");
    }

    @Test
    void langsmith_posts_to_its_otel_endpoint_with_the_api_key_and_project() throws Exception {
        ExportTarget target = target("LANGSMITH", "{\"projectName\": \"p1\"}");

        assertThat(target.endpoint()).isEqualTo("https://api.smith.langchain.com/otel/v1/traces");
        assertThat(target.headers()).containsEntry("x-api-key", "ls-env-key").containsEntry("Langsmith-Project", "p1");
        assertThatThrownBy(() ->
                        new ExportTargets(Map.of()).of(new ObservabilityConfig("LANGSMITH", true, Json.object()), "a"))
                .hasMessageContaining("apiKey");
    }

    @Test
    void otlp_takes_the_endpoint_and_headers_as_given() throws Exception {
        ExportTarget target =
                target("OTLP", "{\"endpoint\": \"http://127.0.0.1:4318\", \"headers\": {\"x-tenant\": \"t1\"}}");
        ExportTarget full = target("OTLP", "{\"endpoint\": \"http://collector:4318/v1/traces\"}");

        assertThat(target.endpoint()).isEqualTo("http://127.0.0.1:4318/v1/traces");
        assertThat(target.headers()).containsExactly(Map.entry("x-tenant", "t1"));
        assertThat(full.endpoint()).isEqualTo("http://collector:4318/v1/traces");
        assertThatThrownBy(() -> target("OTLP", "{\"endpoint\": \"ftp://x\"}")).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> target("OTLP", "{\"endpoint\": \"http://x\", \"headers\": [1]}"))
                .hasMessageContaining("headers");
    }

    @Test
    void gcp_providers_say_they_need_google_credentials_instead_of_doing_nothing() {
        assertThatThrownBy(() -> target("GCP_TRACE", "{\"gcpProjectId\": \"p\"}"))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessageContaining("Google Cloud credentials")
                .hasMessageContaining("OTLP");
        assertThatThrownBy(() -> target("GCP_LOGGING", "{\"gcpProjectId\": \"p\"}"))
                .hasMessageContaining("credentials");
    }

    @Test
    void a_disabled_or_missing_provider_exports_nothing() throws Exception {
        assertThat(targets.of(null, "a")).isEmpty();
        assertThat(targets.of(new ObservabilityConfig("GCP_TRACE", false, Json.object()), "a"))
                .isEmpty();
    }
}
