package dev.idun.config.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsoConfigTest {
    private static SsoConfig readValid(String json) {
        List<FieldError> errors = new ArrayList<>();
        SsoConfig config = SsoConfig.read(Json.parse(json), "sso", errors);
        assertThat(errors).isEmpty();
        assertThat(config).isNotNull();
        return config;
    }

    private static List<FieldError> errorsOf(String json) {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SsoConfig.read(Json.parse(json), "sso", errors)).isNull();
        return errors;
    }

    @Test
    void reads_the_spec_example() {
        SsoConfig config = readValid("""
                {"enabled": true, "issuer": "https://accounts.google.com",
                 "clientId": "123456.apps.googleusercontent.com",
                 "audience": null, "allowedDomains": ["company.com"], "allowedEmails": null}
                """);

        assertThat(config)
                .isEqualTo(new SsoConfig(
                        true,
                        "https://accounts.google.com",
                        "123456.apps.googleusercontent.com",
                        null,
                        List.of("company.com"),
                        null));
    }

    @Test
    void reads_snake_case_like_camel_case() {
        assertThat(readValid("""
                        {"issuer": "https://idp", "client_id": "c", "allowed_domains": ["a.com"],
                         "allowed_emails": ["x@b.com"]}
                        """))
                .isEqualTo(new SsoConfig(true, "https://idp", "c", null, List.of("a.com"), List.of("x@b.com")));
    }

    @Test
    void requires_issuer_and_client_id() {
        assertThat(errorsOf("{\"enabled\": true}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(tuple("sso.issuer", "missing"), tuple("sso.clientId", "missing"));
    }

    @Test
    void rejects_a_blank_issuer() {
        assertThat(errorsOf("{\"issuer\": \"\", \"clientId\": \"c\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("sso.issuer", "string_too_short"));
    }

    @Test
    void rejects_allowed_domains_that_are_not_a_list_of_strings() {
        assertThat(errorsOf("{\"issuer\": \"i\", \"clientId\": \"c\", \"allowedDomains\": \"a.com\"}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("sso.allowedDomains", "list_type"));
        assertThat(errorsOf("{\"issuer\": \"i\", \"clientId\": \"c\", \"allowedEmails\": [\"a@b\", 1]}"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("sso.allowedEmails.1", "string_type"));
    }

    @Test
    void keeps_a_disabled_config() {
        assertThat(readValid("{\"enabled\": false, \"issuer\": \"i\", \"clientId\": \"c\"}")
                        .enabled())
                .isFalse();
    }

    @Test
    void camel_case_output_includes_nulls() {
        assertThat(new SsoConfig(true, "i", "c", null, List.of("a.com"), null).toJson(Casing.CAMEL))
                .isEqualTo(Json.parse("""
                        {"enabled": true, "issuer": "i", "clientId": "c", "audience": null,
                         "allowedDomains": ["a.com"], "allowedEmails": null}
                        """));
    }

    @Test
    void snake_case_output_omits_nulls() {
        assertThat(new SsoConfig(false, "i", "c", "aud", null, List.of()).toJson(Casing.SNAKE))
                .isEqualTo(Json.parse("""
                        {"enabled": false, "issuer": "i", "client_id": "c", "audience": "aud", "allowed_emails": []}
                        """));
    }

    @Test
    void reads_back_what_it_writes_in_either_casing() {
        SsoConfig original = new SsoConfig(false, "https://idp", "c", "aud", List.of("a.com"), List.of("x@a.com"));

        for (Casing casing : Casing.values()) {
            assertThat(readValid(Json.write(original.toJson(casing))))
                    .as(casing.name())
                    .isEqualTo(original);
        }
    }
}
