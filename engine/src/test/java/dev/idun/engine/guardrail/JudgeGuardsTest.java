package dev.idun.engine.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.model.FakeModelServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM guards against a model provider on loopback speaking the OpenAI protocol. */
class JudgeGuardsTest {
    FakeModelServer provider;

    @BeforeEach
    void start() throws IOException {
        provider = new FakeModelServer();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    String model() {
        return "{\"provider\": \"openai\", \"name\": \"judge-model\", \"base_url\": \"" + provider.baseUrl()
                + "/v1\", \"api_key\": \"sk-judge\"}";
    }

    static FakeModelServer.Reply says(String text) {
        return FakeModelServer.openAi(
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":"
                        + Json.write(Json.mapper().getNodeFactory().textNode(text))
                        + "},\"finish_reason\":null}]}",
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{},\"finish_reason\":\"stop\"}]}");
    }

    @Test
    void custom_llm_passes_or_blocks_on_the_models_verdict_and_fails_closed() {
        Guard guard = TestGuards.guard(
                "{\"config_id\": \"custom_llm\", \"prompt\": \"No medical advice.\"," + " \"model\": " + model() + "}");
        provider.reply(says("PASS")).reply(says("FAIL")).reply(says("maybe"));
        provider.reply(FakeModelServer.error(500, "{\"error\":{\"message\":\"down\"}}"));

        assertThat(TestGuards.check(guard, "Hello").blocked()).isFalse();
        assertThat(TestGuards.check(guard, "Take two of these pills").blocked()).isTrue();
        assertThat(TestGuards.check(guard, "Hmm").blocked()).isTrue();
        assertThat(TestGuards.check(guard, "Anything").blocked()).isTrue();
        FakeModelServer.Request request = provider.requests().get(1);
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer sk-judge");
        assertThat(request.body().path("messages").get(0).path("content").asText())
                .contains("No medical advice.");
        assertThat(request.body().path("messages").get(1).path("content").asText())
                .isEqualTo("Take two of these pills");
    }

    @Test
    void rag_hallucination_uses_the_agents_model_and_its_rating() {
        EngineConfig engine = EngineConfig.ofAgent(
                new AgentConfig(AgentType.LANGCHAIN4J, "a", (com.fasterxml.jackson.databind.node.ObjectNode)
                        Json.parse("{\"name\": \"a\", \"model\": " + model() + "}")));
        Guard guard = TestGuards.guard("{\"config_id\": \"rag_hallucination\", \"threshold\": 0.5}", engine);
        provider.reply(says("0.1")).reply(says("0.9"));
        GuardContext context = new GuardContext(
                List.of(new ChatMessage("u", "user", "When does the shop open?")), List.of("Opening hours: 9 to 17"));

        assertThat(guard.check("It opens at 9.", context).blocked()).isFalse();
        assertThat(guard.check("It opens at 6 and sells cars.", context).blocked())
                .isTrue();
        assertThat(provider.requests()
                        .get(0)
                        .body()
                        .path("messages")
                        .get(1)
                        .path("content")
                        .asText())
                .contains("Opening hours: 9 to 17", "It opens at 9.");
    }
}
