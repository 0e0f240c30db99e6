package dev.idun.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplateAgentFactoryTest {
    private FakeModelServer fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private TemplateAgentFactory factory() {
        return new TemplateAgentFactory(new ModelAgentFactory(Map.of(), ToolRegistry.empty(), Duration.ofSeconds(5)));
    }

    private ObjectNode settings() {
        ObjectNode settings = Json.object().put("name", "Translator");
        settings.putObject("model")
                .put("provider", "openai")
                .put("name", "gpt-test")
                .put("base_url", fake.baseUrl() + "/v1")
                .put("api_key", "sk-test");
        return settings;
    }

    @Test
    void a_translation_agent_asks_the_model_to_translate_between_its_languages() throws Exception {
        fake.reply(FakeModelServer.openAi(ModelAgentTest.textChunk("Hallo"), ModelAgentTest.finishChunk("stop")));
        ObjectNode settings = settings().put("source_lang", "English").put("target_lang", "German");
        EngineConfig config =
                EngineConfig.ofAgent(new AgentConfig(AgentType.TRANSLATION_AGENT, "Translator", settings));
        List<AgUiEvent> events = new ArrayList<>();

        factory()
                .create(config, new ArrayList<>())
                .run(new RunInput("t", "r", List.of(new ChatMessage("m", "user", "Hello"))), events::add);

        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .isEqualTo(new AgUiEvent.TextMessageContent(
                                ((AgUiEvent.TextMessageStart) events.get(0)).messageId(), "Hallo")));
        var messages = fake.requests().get(0).body().path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).contains("from English to German");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Hello");
    }

    @Test
    void a_correction_agent_names_its_language() {
        ObjectNode settings = Json.object().put("language", "Spanish");

        assertThat(TemplateAgentFactory.correctionPrompt(settings)).contains("written in Spanish");
        assertThat(TemplateAgentFactory.correctionPrompt(Json.object())).contains("written in French");
    }

    @Test
    void the_reference_model_name_tells_the_provider() throws Exception {
        assertThat(TemplateAgentFactory.modelFor("gpt-3.5-turbo")
                        .path("provider")
                        .asText())
                .isEqualTo("openai");
        assertThat(TemplateAgentFactory.modelFor("gemini-2.5-flash")
                        .path("provider")
                        .asText())
                .isEqualTo("gemini");
        assertThat(TemplateAgentFactory.modelFor("claude-sonnet-4")
                        .path("provider")
                        .asText())
                .isEqualTo("anthropic");
        assertThatThrownBy(() -> TemplateAgentFactory.modelFor("mystery-model"))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessageContaining("model: {provider, name}");
    }

    @Test
    void a_template_without_a_key_for_its_provider_fails_the_build() {
        EngineConfig config = EngineConfig.ofAgent(new AgentConfig(
                AgentType.CORRECTION_AGENT, "Fixer", Json.object().put("name", "Fixer")));

        assertThatThrownBy(() -> factory().create(config, new ArrayList<>()))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessageContaining("GEMINI_API_KEY");
    }
}
