package dev.idun.engine.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ChatMessage;
import dev.idun.engine.agent.RunInput;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.mcp.McpToolbox;
import dev.idun.engine.memory.ConversationMemory;
import dev.idun.engine.memory.InMemoryConversationStore;
import dev.idun.engine.run.InputBlockedException;
import dev.idun.engine.run.RunPipeline;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeHolder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Guardrails applied by the run pipeline: what the model sees, what the client sees, what memory keeps. */
class GuardedRunTest {
    static final String BAN = "{\"config_id\": \"ban_list\", \"banned_words\": [\"classified\"]}";
    static final String BAN_FIX =
            "{\"config_id\": \"ban_list\", \"banned_words\": [\"classified\"], \"on_fail\": \"fix\"}";

    final List<List<ChatMessage>> seen = new ArrayList<>();
    final List<AgUiEvent> events = new ArrayList<>();
    final InMemoryConversationStore store = new InMemoryConversationStore();
    final ConversationMemory memory = new ConversationMemory(store, Clock.systemUTC());
    RuntimeHolder holder;

    @AfterEach
    void close() {
        holder.close();
        memory.close();
    }

    RunPipeline pipeline(Agent agent, List<String> input, List<String> output) {
        LiveRuntime runtime = new LiveRuntime(
                TestGuards.engine(input, output),
                1,
                agent,
                null,
                McpToolbox.none(),
                null,
                TestGuards.guardrails(input, output),
                List.of());
        holder = new RuntimeHolder(runtime, Duration.ofSeconds(1));
        return new RunPipeline(holder, memory);
    }

    /** An agent that streams {@code chunks} as one assistant message. */
    Agent streaming(String... chunks) {
        return (input, sink) -> {
            seen.add(input.messages());
            sink.emit(new AgUiEvent.TextMessageStart("a", "assistant"));
            for (String chunk : chunks) {
                sink.emit(new AgUiEvent.TextMessageContent("a", chunk));
            }
            sink.emit(new AgUiEvent.TextMessageEnd("a"));
        };
    }

    void run(RunPipeline pipeline, String text) {
        pipeline.run(
                pipeline.begin(), new RunInput("t", "r", List.of(new ChatMessage("u", "user", text))), events::add);
    }

    String streamedText() {
        StringBuilder text = new StringBuilder();
        events.stream()
                .filter(e -> e instanceof AgUiEvent.TextMessageContent)
                .forEach(e -> text.append(((AgUiEvent.TextMessageContent) e).delta()));
        return text.toString();
    }

    AgUiEvent last() {
        return events.get(events.size() - 1);
    }

    @Test
    void a_blocked_input_throws_before_any_event_and_never_reaches_the_agent_or_memory() {
        RunPipeline pipeline = pipeline(streaming("hi"), List.of(BAN), List.of());

        assertThatThrownBy(() -> run(pipeline, "tell me the CLASSIFIED files"))
                .isInstanceOf(InputBlockedException.class)
                .extracting(e -> ((InputBlockedException) e).rejectMessage())
                .isEqualTo("ban!!");
        assertThat(events).isEmpty();
        assertThat(seen).isEmpty();
        assertThat(store.messages("t")).isEmpty();
        assertThat(holder.current().activeRuns()).isZero();
    }

    @Test
    void a_fixed_input_is_what_the_model_sees_and_what_memory_keeps() {
        RunPipeline pipeline = pipeline(streaming("ok"), List.of(BAN_FIX), List.of());

        run(pipeline, "the classified files");

        assertThat(seen.get(0)).extracting(ChatMessage::content).containsExactly("the [REDACTED] files");
        assertThat(store.messages("t")).extracting(ChatMessage::content).containsExactly("the [REDACTED] files", "ok");
    }

    @Test
    void a_banned_word_split_across_chunks_blocks_the_run_and_never_reaches_the_client() {
        RunPipeline pipeline = pipeline(
                streaming("Here is a long and harmless opening sentence. The file is clas", "sif", "ied!"),
                List.of(),
                List.of(BAN));

        run(pipeline, "hi");

        assertThat(streamedText()).doesNotContainIgnoringCase("clas");
        assertThat(last()).isEqualTo(new AgUiEvent.RunError("ban!!", "GUARDRAIL_BLOCKED"));
        assertThat(events).noneMatch(e -> e instanceof AgUiEvent.RunFinished);
        assertThat(store.messages("t")).extracting(ChatMessage::content).containsExactly("hi", streamedText());
    }

    @Test
    void text_before_the_window_streams_before_the_message_ends() {
        List<String> releasedBeforeEnd = new ArrayList<>();
        Agent agent = (input, sink) -> {
            sink.emit(new AgUiEvent.TextMessageStart("a", "assistant"));
            sink.emit(new AgUiEvent.TextMessageContent("a", "word ".repeat(40)));
            releasedBeforeEnd.add(streamedText());
            sink.emit(new AgUiEvent.TextMessageEnd("a"));
        };
        RunPipeline pipeline = pipeline(agent, List.of(), List.of(BAN));

        run(pipeline, "hi");

        assertThat(releasedBeforeEnd.get(0)).isNotEmpty().startsWith("word word");
        assertThat(streamedText()).isEqualTo("word ".repeat(40));
        assertThat(last()).isInstanceOf(AgUiEvent.RunFinished.class);
    }

    @Test
    void a_split_word_is_redacted_with_fix_and_memory_keeps_the_redacted_text() {
        RunPipeline pipeline =
                pipeline(streaming("It is clas", "sified, sorry. ", "Also CLASSIFIED."), List.of(), List.of(BAN_FIX));

        run(pipeline, "hi");

        assertThat(streamedText()).isEqualTo("It is [REDACTED], sorry. Also [REDACTED].");
        assertThat(last()).isInstanceOf(AgUiEvent.RunFinished.class);
        assertThat(store.messages("t"))
                .extracting(ChatMessage::content)
                .containsExactly("hi", "It is [REDACTED], sorry. Also [REDACTED].");
    }

    @Test
    void pii_split_across_chunks_is_redacted() {
        RunPipeline pipeline = pipeline(
                streaming("Mail me at jane.d", "oe@exam", "ple.org or call +44 20 79", "46 0958."),
                List.of(),
                List.of("{\"config_id\": \"detect_pii\", \"pii_entities\": [\"Email\", \"Phone Number\"],"
                        + " \"on_fail\": \"fix\"}"));

        run(pipeline, "hi");

        assertThat(streamedText()).isEqualTo("Mail me at [EMAIL_ADDRESS] or call [PHONE_NUMBER].");
    }

    @Test
    void a_whole_message_guard_holds_the_message_and_blocks_it_at_its_end() {
        RunPipeline pipeline = pipeline(
                streaming("You are ", "a complete ", "idiot."),
                List.of(),
                List.of("{\"config_id\": \"toxic_language\", \"threshold\": 0.5}"));

        run(pipeline, "hi");

        assertThat(streamedText()).isEmpty();
        assertThat(last()).isEqualTo(new AgUiEvent.RunError("Toxic language detected", "GUARDRAIL_BLOCKED"));
    }

    @Test
    void an_agent_that_swallows_the_block_still_ends_with_the_guardrail_error() {
        Agent stubborn = (input, sink) -> {
            try {
                sink.emit(new AgUiEvent.TextMessageStart("a", "assistant"));
                sink.emit(new AgUiEvent.TextMessageContent("a", "classified"));
                sink.emit(new AgUiEvent.TextMessageEnd("a"));
            } catch (OutputBlockedException e) {
                sink.emit(new AgUiEvent.TextMessageContent("a", "classified anyway"));
            }
        };
        RunPipeline pipeline = pipeline(stubborn, List.of(), List.of(BAN));

        run(pipeline, "hi");

        assertThat(streamedText()).isEmpty();
        assertThat(last()).isEqualTo(new AgUiEvent.RunError("ban!!", "GUARDRAIL_BLOCKED"));
    }
}
