package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static ObjectNode nullFields(Casing casing) {
        return new JsonWriter(casing)
                .put("someValue", (String) null)
                .put("someFlag", (Boolean) null)
                .put("someNumber", (Number) null)
                .put("someList", (List<String>) null)
                .put("someNode", (JsonNode) null)
                .build();
    }

    @Test
    void camel_case_writes_null_fields_as_null() {
        assertThat(nullFields(Casing.CAMEL)).isEqualTo(Json.parse("""
                        {"someValue": null, "someFlag": null, "someNumber": null, "someList": null, "someNode": null}
                        """));
    }

    @Test
    void snake_case_leaves_null_fields_out() {
        assertThat(nullFields(Casing.SNAKE)).isEmpty();
    }

    @Test
    void writes_values_under_keys_of_its_casing_in_order() {
        ObjectNode node = new JsonWriter(Casing.SNAKE)
                .put("textValue", "t")
                .put("flagValue", true)
                .put("intValue", 7)
                .put("longValue", 8_000_000_000L)
                .put("doubleValue", 0.5)
                .put("listValue", List.of("a", "b"))
                .put("mapValue", Map.of("Key-Name", "v"))
                .put("nodeValue", Json.parse("{\"innerKey\": 1}"))
                .build();

        assertThat(Json.write(node))
                .isEqualTo("{\"text_value\":\"t\",\"flag_value\":true,\"int_value\":7,\"long_value\":8000000000,"
                        + "\"double_value\":0.5,\"list_value\":[\"a\",\"b\"],\"map_value\":{\"Key-Name\":\"v\"},"
                        + "\"node_value\":{\"innerKey\":1}}");
    }

    @Test
    void copies_nested_nodes() {
        ObjectNode nested = Json.object().put("a", 1);
        ObjectNode node = new JsonWriter(Casing.CAMEL).put("nested", nested).build();

        nested.put("a", 2);

        assertThat(node.path("nested").path("a").asInt()).isEqualTo(1);
    }
}
