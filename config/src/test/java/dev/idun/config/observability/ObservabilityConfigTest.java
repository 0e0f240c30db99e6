package dev.idun.config.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObservabilityConfigTest {
    private static ObservabilityConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        ObservabilityConfig config = ObservabilityConfig.read(Json.parse(json), "observability", errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(ObservabilityConfig.read(Json.parse(json), "observability", errors))
                .isNull();
        return errors;
    }

    @ParameterizedTest
    @CsvSource({
        "LANGFUSE, LANGFUSE",
        "langfuse, LANGFUSE",
        "Phoenix, PHOENIX",
        "gcp_logging, GCP_LOGGING",
        "GCP_TRACE, GCP_TRACE",
        "langsmith, LANGSMITH",
        "OTLP, OTLP",
        "otlp, OTLP"
    })
    void picks_the_provider_by_name_case_insensitively(String given, String expected) {
        assertThat(readValid("{\"provider\": \"" + given + "\", \"config\": {}}")
                        .provider())
                .isEqualTo(expected);
    }

    @Test
    void defaults_to_an_enabled_langfuse_provider() {
        ObservabilityConfig config = readValid("{\"config\": {\"host\": \"https://cloud.langfuse.com\"}}");

        assertThat(config.provider()).isEqualTo("LANGFUSE");
        assertThat(config.enabled()).isTrue();
    }

    @Test
    void keeps_a_disabled_provider() {
        assertThat(readValid("{\"provider\": \"PHOENIX\", \"enabled\": false, \"config\": {}}")
                        .enabled())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATADOG", "jaeger", "LANGFUSE2"})
    void rejects_an_unknown_provider(String provider) {
        List<FieldError> errors = errorsOf("{\"provider\": \"" + provider + "\", \"config\": {}}");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("observability.provider");
            assertThat(error.code()).isEqualTo("enum");
            assertThat(error.message()).contains("LANGFUSE", "OTLP");
        });
    }

    @Test
    void requires_a_config() {
        assertThat(errorsOf("{\"provider\": \"LANGFUSE\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("observability.config", "missing"));
    }

    @Test
    void rejects_a_config_that_is_not_an_object() {
        assertThat(errorsOf("{\"provider\": \"LANGFUSE\", \"config\": [\"host\"]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("observability.config", "model_type"));
    }

    @Test
    void reports_an_unknown_provider_and_a_missing_config_together() {
        assertThat(errorsOf("{\"provider\": \"DATADOG\", \"enabled\": \"on\"}"))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("observability.provider", "observability.enabled", "observability.config");
    }

    @Test
    void stores_snake_case_config_keys_as_camel_case() {
        ObservabilityConfig config = readValid("""
                {"provider": "LANGFUSE", "config": {"host": "https://cloud.langfuse.com", "public_key": "pk",
                  "secret_key": "sk", "run_name": "nightly"}}
                """);

        assertThat(config.config()).isEqualTo(Json.parse("""
                        {"host": "https://cloud.langfuse.com", "publicKey": "pk", "secretKey": "sk",
                         "runName": "nightly"}
                        """));
    }

    @Test
    void writes_config_keys_in_the_requested_casing() {
        ObservabilityConfig config = readValid("""
                {"provider": "PHOENIX", "config": {"collectorEndpoint": "http://phoenix:6006", "project_name": "p"}}
                """);

        assertThat(config.toJson(Casing.CAMEL)).isEqualTo(Json.parse("""
                        {"provider": "PHOENIX", "enabled": true,
                          "config": {"collectorEndpoint": "http://phoenix:6006", "projectName": "p"}}
                        """));
        assertThat(config.toJson(Casing.SNAKE)).isEqualTo(Json.parse("""
                        {"provider": "PHOENIX", "enabled": true,
                          "config": {"collector_endpoint": "http://phoenix:6006", "project_name": "p"}}
                        """));
    }

    @Test
    void recases_only_the_top_level_keys_of_the_config() {
        ObservabilityConfig config = readValid("""
                {"provider": "OTLP", "config": {"endpoint": "http://collector:4318",
                  "headers": {"x_api_key": "k", "X-Tenant": "t"}}}
                """);

        assertThat(config.toJson(Casing.SNAKE).path("config").path("headers"))
                .isEqualTo(Json.parse("{\"x_api_key\": \"k\", \"X-Tenant\": \"t\"}"));
        assertThat(config.toJson(Casing.CAMEL).path("config").path("headers"))
                .isEqualTo(Json.parse("{\"x_api_key\": \"k\", \"X-Tenant\": \"t\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GCP_TRACE", "GCP_LOGGING"})
    void maps_the_gcp_project_id_between_snake_and_camel_case(String provider) {
        ObservabilityConfig fromSnake = readValid("{\"provider\": \"" + provider
                + "\", \"config\": {\"project_id\": \"my-project\", \"region\": \"eu\"}}");
        ObservabilityConfig fromCamel = readValid("{\"provider\": \"" + provider
                + "\", \"config\": {\"gcpProjectId\": \"my-project\", \"region\": \"eu\"}}");

        assertThat(fromSnake).isEqualTo(fromCamel);
        assertThat(fromSnake.toJson(Casing.CAMEL).path("config"))
                .isEqualTo(Json.parse("{\"gcpProjectId\": \"my-project\", \"region\": \"eu\"}"));
        assertThat(fromCamel.toJson(Casing.SNAKE).path("config"))
                .isEqualTo(Json.parse("{\"project_id\": \"my-project\", \"region\": \"eu\"}"));
    }

    @Test
    void reads_back_what_it_writes_in_either_casing() {
        ObservabilityConfig original = readValid("""
                {"provider": "GCP_TRACE", "enabled": false, "config": {"gcpProjectId": "p", "samplingRate": 0.25,
                  "flushInterval": 5, "ignoreUrls": "/health"}}
                """);

        for (Casing casing : Casing.values()) {
            assertThat(readValid(Json.write(original.toJson(casing))))
                    .as(casing.name())
                    .isEqualTo(original);
        }
    }

    @Test
    void cannot_be_changed_through_its_config() {
        ObservabilityConfig config = readValid("{\"provider\": \"LANGSMITH\", \"config\": {\"apiKey\": \"k\"}}");

        config.config().put("apiKey", "changed");

        assertThat(config.config().path("apiKey").asText()).isEqualTo("k");
    }
}
