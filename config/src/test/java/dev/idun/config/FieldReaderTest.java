package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldReaderTest {
    private final List<FieldError> errors = new ArrayList<>();

    private FieldReader reader(String json, Casing casing) {
        return FieldReader.of(Json.parse(json), "root", casing, errors);
    }

    @Test
    void finds_a_field_under_its_camel_or_snake_case_key() {
        FieldReader camel = reader("{\"clientId\": \"a\"}", Casing.CAMEL);
        FieldReader snake = reader("{\"client_id\": \"b\"}", Casing.CAMEL);

        assertThat(camel.requiredString("clientId")).isEqualTo("a");
        assertThat(snake.requiredString("clientId")).isEqualTo("b");
        assertThat(snake.has("clientId")).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void prefers_the_camel_case_key_when_both_are_present() {
        assertThat(reader("{\"client_id\": \"snake\", \"clientId\": \"camel\"}", Casing.CAMEL)
                        .requiredString("clientId"))
                .isEqualTo("camel");
    }

    @Test
    void reports_paths_in_its_path_casing() {
        reader("{}", Casing.CAMEL).requiredString("clientId");
        reader("{}", Casing.SNAKE).requiredString("clientId");

        assertThat(errors).extracting(FieldError::field).containsExactly("root.clientId", "root.client_id");
    }

    @Test
    void a_root_reader_has_no_leading_dot() {
        FieldReader root = FieldReader.of(Json.object(), "", Casing.SNAKE, errors);

        assertThat(root.path("mcpServers")).isEqualTo("mcp_servers");
    }

    @Test
    void treats_an_explicit_null_as_absent_but_present() {
        FieldReader r = reader("{\"audience\": null}", Casing.CAMEL);

        assertThat(r.has("audience")).isTrue();
        assertThat(r.get("audience")).isNull();
        assertThat(r.optionalString("audience", "fallback")).isEqualTo("fallback");
        assertThat(r.has("other")).isFalse();
    }

    @Test
    void reports_a_missing_or_non_object_node_once_and_reads_it_as_empty() {
        FieldReader missing = FieldReader.of(null, "a", Casing.CAMEL, errors);
        FieldReader notObject = FieldReader.of(Json.parse("[1]"), "b", Casing.CAMEL, errors);

        assertThat(missing.get("x")).isNull();
        assertThat(notObject.optionalString("x", "d")).isEqualTo("d");
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("a", "missing"), tuple("b", "model_type"));
    }

    @Test
    void rejects_blank_required_strings() {
        assertThat(reader("{\"name\": \" \\t\"}", Casing.CAMEL).requiredString("name"))
                .isNull();
        assertThat(errors).containsExactly(new FieldError("root.name", "Value must not be empty", "string_too_short"));
    }

    @Test
    void reads_numbers_and_booleans_as_strings() {
        FieldReader r = reader("{\"a\": 123, \"b\": true, \"c\": 1.5}", Casing.CAMEL);

        assertThat(r.requiredString("a")).isEqualTo("123");
        assertThat(r.requiredString("b")).isEqualTo("true");
        assertThat(r.optionalString("c", null)).isEqualTo("1.5");
        assertThat(errors).isEmpty();
    }

    @Test
    void rejects_arrays_and_objects_as_strings() {
        FieldReader r = reader("{\"a\": [], \"b\": {}}", Casing.CAMEL);

        assertThat(r.requiredString("a")).isNull();
        assertThat(r.optionalString("b", "d")).isNull();
        assertThat(errors).extracting(FieldError::code).containsExactly("string_type", "string_type");
    }

    @Test
    void reads_booleans_strictly() {
        FieldReader r = reader("{\"a\": false, \"b\": \"false\", \"c\": 0}", Casing.CAMEL);

        assertThat(r.optionalBoolean("a", true)).isFalse();
        assertThat(r.optionalBoolean("b", true)).isTrue();
        assertThat(r.optionalBoolean("c", true)).isTrue();
        assertThat(r.optionalBoolean("absent", true)).isTrue();
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("root.b", "bool_type"), tuple("root.c", "bool_type"));
    }

    @Test
    void reads_whole_numbers() {
        FieldReader r = reader("{\"a\": 42, \"b\": -7}", Casing.CAMEL);

        assertThat(r.optionalInt("a", 0)).isEqualTo(42);
        assertThat(r.optionalInt("b", 0)).isEqualTo(-7);
        assertThat(r.optionalInt("absent", 5)).isEqualTo(5);
        assertThat(r.optionalInt("absent", null)).isNull();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "\" 3 \""})
    void reads_a_whole_number_written_as_text(String value) {
        assertThat(reader("{\"a\": " + value + "}", Casing.CAMEL).optionalInt("a", 0))
                .isEqualTo(3);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"three\"", "\"1.0\"", "true", "[1]", "9999999999"})
    void rejects_values_that_are_not_whole_numbers(String value) {
        assertThat(reader("{\"a\": " + value + "}", Casing.CAMEL).optionalInt("a", 8))
                .isEqualTo(8);
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple("root.a", "int_type"));
    }

    @Test
    void reads_numbers_but_not_numeric_text() {
        FieldReader r = reader("{\"a\": 2, \"b\": 0.25, \"c\": \"0.5\"}", Casing.CAMEL);

        assertThat(r.optionalNumber("a", null)).isEqualTo(2.0);
        assertThat(r.optionalNumber("b", null)).isEqualTo(0.25);
        assertThat(r.optionalNumber("c", 1.0)).isEqualTo(1.0);
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("root.c", "float_type"));
    }

    @Test
    void reads_a_list_of_strings_and_reports_each_bad_item_by_index() {
        FieldReader r = reader("{\"tags\": [\"a\", 1, \"b\", {}]}", Casing.CAMEL);

        assertThat(r.stringList("tags", null)).containsExactly("a", "b");
        assertThat(errors).extracting(FieldError::field).containsExactly("root.tags.1", "root.tags.3");
    }

    @Test
    void reads_an_absent_list_as_its_default_and_rejects_a_non_list() {
        FieldReader r = reader("{\"tags\": \"a\"}", Casing.SNAKE);

        assertThat(r.stringList("other", List.of("d"))).containsExactly("d");
        assertThat(r.stringList("other", null)).isNull();
        assertThat(r.stringList("tags", List.of())).isEmpty();
        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("root.tags", "list_type"));
    }

    @Test
    void returns_lists_and_maps_that_cannot_be_changed() {
        FieldReader r = reader("{\"tags\": [\"a\"], \"env\": {\"K\": \"v\"}}", Casing.CAMEL);

        List<String> tags = r.stringList("tags", null);
        Map<String, String> env = r.stringMap("env");

        assertThat(tags).isUnmodifiable();
        assertThat(env).isUnmodifiable().containsEntry("K", "v");
    }

    @Test
    void reads_a_map_of_strings_keeping_key_order_and_reporting_bad_values() {
        FieldReader r = reader("{\"headers\": {\"B\": \"2\", \"A\": \"1\", \"C\": 3}}", Casing.SNAKE);

        assertThat(r.stringMap("headers")).containsExactly(Map.entry("B", "2"), Map.entry("A", "1"));
        assertThat(r.stringMap("absent")).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("root.headers.C");
    }

    @Test
    void rejects_a_map_that_is_not_an_object() {
        assertThat(reader("{\"env\": [\"K=v\"]}", Casing.CAMEL).stringMap("env"))
                .isEmpty();
        assertThat(errors).extracting(FieldError::code).containsExactly("dict_type");
    }

    @Test
    void reads_child_objects_with_nested_paths() {
        FieldReader r = reader("{\"server\": {\"api\": {}}, \"flag\": 1}", Casing.SNAKE);

        r.child("server").child("api").requiredString("listenHost");
        assertThat(r.optionalObject("server")).isNotNull();
        assertThat(r.optionalObject("absent")).isNull();
        assertThat(r.optionalObject("flag")).isNull();
        r.child("missingChild");

        assertThat(errors)
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        tuple("root.server.api.listen_host", "missing"),
                        tuple("root.flag", "model_type"),
                        tuple("root.missing_child", "missing"));
    }

    @Test
    void shares_one_error_list_between_a_reader_and_its_children() {
        FieldReader r = reader("{\"a\": {}}", Casing.CAMEL);

        r.child("a").requiredString("b");
        r.error("c", "bad", "value_error");

        assertThat(r.errors()).isSameAs(errors).hasSize(2);
    }
}
