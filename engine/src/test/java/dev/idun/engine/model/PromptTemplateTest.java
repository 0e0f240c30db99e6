package dev.idun.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.config.Json;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    @Test
    void renders_jinja_with_state_over_forwarded_props() {
        PromptTemplate template = new PromptTemplate(
                "prompt 'support' v2",
                "You help {{ user.name | upper }} from {{ team }}."
                        + "{% if vip %} Be quick.{% endif %}"
                        + "{% for topic in topics %} [{{ topic }}]{% endfor %}");

        String text = template.render(
                Json.parse("{\"user\": {\"name\": \"Ada\"}, \"vip\": true, \"topics\": [\"bills\", \"refunds\"]}"),
                Json.parse("{\"team\": \"billing\", \"user\": {\"name\": \"ignored\"}}"));

        assertThat(text).isEqualTo("You help ADA from billing. Be quick. [bills] [refunds]");
    }

    @Test
    void a_missing_variable_is_an_error_naming_it_and_the_prompt() {
        PromptTemplate template = new PromptTemplate("prompt 'support' v2", "You help {{ user }} in {{ city }}.");

        assertThatThrownBy(() -> template.render(Json.parse("{\"user\": \"Ada\"}"), null))
                .isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("prompt 'support' v2")
                .hasMessageContaining("city")
                .hasMessageNotContaining("'user'");
    }

    @Test
    void a_default_filter_covers_a_missing_variable() {
        PromptTemplate template = new PromptTemplate("p", "Hello {{ name | default('there') }}!");

        assertThat(template.render(null, null)).isEqualTo("Hello there!");
    }

    @Test
    void a_syntax_error_is_an_error_too() {
        PromptTemplate template = new PromptTemplate("p", "{% if %}x{% endif %}");

        assertThatThrownBy(() -> template.render(Json.object(), Json.object()))
                .isInstanceOf(PromptRenderException.class)
                .hasMessageStartingWith("Failed to render p.");
    }
}
