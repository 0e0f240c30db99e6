package dev.idun.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.MemoryConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.memory.InMemoryConversationStore;
import dev.idun.engine.memory.ThreadScope;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunPipelineMemoryTest {
    final List<List<ChatMessage>> seen = new ArrayList<>();
    final InMemoryConversationStore serverStore = new InMemoryConversationStore();
    final ConversationMemory memory = new ConversationMemory(serverStore, Clock.systemUTC());
    RuntimeHolder holder;

    @AfterEach
    void close() {
        holder.close();
        memory.close();
    }

    RunPipeline pipeline(Agent agent, MemoryConfig memoryConfig) {
        EngineConfig config = EngineConfig.ofAgent(AgentConfig.starter());
        if (memoryConfig != null) {
            config = new EngineConfig(
                    config.server(),
                    config.agent(),
                    memoryConfig,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    List.of(),
                    List.of());
        }
        holder = new RuntimeHolder(new LiveRuntime(config, 1, agent, List.of()), Duration.ofSeconds(1));
        return new RunPipeline(holder, memory);
    }

    Agent answering(String text) {
        return (input, sink) -> {
            seen.add(input.messages());
            sink.emit(new AgUiEvent.TextMessageStart("a-" + seen.size(), "assistant"));
            sink.emit(new AgUiEvent.TextMessageContent("a-" + seen.size(), text));
            sink.emit(new AgUiEvent.TextMessageEnd("a-" + seen.size()));
        };
    }

    void run(RunPipeline pipeline, String thread, ChatMessage... messages) {
        pipeline.run(pipeline.begin(), new RunInput(thread, "r", List.of(messages)), event -> {});
    }

    @Test
    void the_second_run_sees_the_first_turn() {
        RunPipeline pipeline = pipeline(answering("ok"), null);

        run(pipeline, "t", new ChatMessage("u1", "user", "hi"));
        run(pipeline, "t", new ChatMessage("u2", "user", "again"));

        assertThat(seen.get(1)).extracting(ChatMessage::id).containsExactly("u1", "a-1", "u2");
        assertThat(serverStore.messages("t"))
                .extracting(ChatMessage::content)
                .containsExactly("hi", "ok", "again", "ok");
    }

    @Test
    void a_failed_run_stores_what_was_said() {
        Agent failing = (input, sink) -> {
            sink.emit(new AgUiEvent.TextMessageStart("a1", "assistant"));
            sink.emit(new AgUiEvent.TextMessageContent("a1", "half an ans"));
            throw new IllegalStateException("model down");
        };
        RunPipeline pipeline = pipeline(failing, null);
        List<AgUiEvent> events = new ArrayList<>();

        pipeline.run(
                pipeline.begin(), new RunInput("t", "r", List.of(new ChatMessage("u1", "user", "hi"))), events::add);

        assertThat(events.get(events.size() - 1)).isInstanceOf(AgUiEvent.RunError.class);
        assertThat(serverStore.messages("t")).extracting(ChatMessage::content).containsExactly("hi", "half an ans");
    }

    @Test
    void tool_calls_and_results_are_stored_and_system_messages_are_not() {
        Agent tooling = (input, sink) -> {
            sink.emit(new AgUiEvent.ToolCallStart("c1", "clock", "a1"));
            sink.emit(new AgUiEvent.ToolCallArgs("c1", "{\"tz\":"));
            sink.emit(new AgUiEvent.ToolCallArgs("c1", "\"UTC\"}"));
            sink.emit(new AgUiEvent.ToolCallEnd("c1"));
            sink.emit(new AgUiEvent.ToolCallResult("r1", "c1", "12:00"));
            sink.emit(new AgUiEvent.TextMessageStart("a2", "assistant"));
            sink.emit(new AgUiEvent.TextMessageContent("a2", "It is noon."));
            sink.emit(new AgUiEvent.TextMessageEnd("a2"));
        };
        RunPipeline pipeline = pipeline(tooling, null);

        run(pipeline, "t", new ChatMessage("s", "system", "Be brief."), new ChatMessage("u1", "user", "time?"));

        List<ChatMessage> stored = serverStore.messages("t");
        assertThat(stored).extracting(ChatMessage::role).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(stored.get(1).toolCalls())
                .containsExactly(new ChatMessage.ToolCall("c1", "clock", "{\"tz\":\"UTC\"}"));
        assertThat(stored.get(2).toolCallId()).isEqualTo("c1");
        assertThat(stored.get(3).content()).isEqualTo("It is noon.");
    }

    @Test
    void a_memory_config_uses_its_own_store_and_keeps_it_across_runs() {
        RunPipeline pipeline = pipeline(answering("ok"), new MemoryConfig(MemoryConfig.Kind.MEMORY, null));

        run(pipeline, "t", new ChatMessage("u1", "user", "hi"));
        run(pipeline, "t", new ChatMessage("u2", "user", "again"));

        assertThat(serverStore.threads()).isEmpty();
        assertThat(pipeline.thread(ThreadScope.shared(), "t").orElseThrow()).hasSize(4);
        assertThat(pipeline.threads(ThreadScope.shared())).hasSize(1);
    }

    @Test
    void an_unreachable_memory_database_fails_the_run_with_a_clear_error() {
        RunPipeline pipeline = pipeline(
                answering("ok"), new MemoryConfig(MemoryConfig.Kind.POSTGRES, "postgresql://u:p@127.0.0.1:1/db"));
        List<AgUiEvent> events = new ArrayList<>();

        pipeline.run(pipeline.begin(), new RunInput("t", "r", List.of()), events::add);

        assertThat(events).last().isInstanceOfSatisfying(AgUiEvent.RunError.class, error -> {
            assertThat(error.code()).isEqualTo("MEMORY_ERROR");
            assertThat(error.message()).doesNotContain(":p@");
        });
        assertThat(seen).isEmpty();
    }
}
