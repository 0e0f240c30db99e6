package dev.idun.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.Json;
import dev.idun.engine.agent.ChatMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every conversation store keeps. */
abstract class ConversationStoreSuite {
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    ConversationStore store;

    abstract ConversationStore newStore(Clock clock);

    /** A store whose bounds, if it has any, hold every message a test writes. */
    ConversationStore roomyStore(Clock clock) {
        return newStore(clock);
    }

    @BeforeEach
    void open() {
        store = newStore(clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void an_unknown_thread_has_no_messages() {
        assertThat(store.messages("nope")).isEmpty();
        assertThat(store.thread("nope")).isEmpty();
    }

    @Test
    void keeps_messages_in_order_without_duplicates() {
        ChatMessage hi = new ChatMessage("u1", "user", "hi");
        ChatMessage echo = new ChatMessage("a1", "assistant", "Echo: hi");
        store.append("t", List.of(hi, echo));
        store.append("t", List.of(echo, new ChatMessage("u2", "user", "again")));

        assertThat(store.messages("t")).extracting(ChatMessage::id).containsExactly("u1", "a1", "u2");
        assertThat(store.messages("t").get(1).content()).isEqualTo("Echo: hi");
    }

    @Test
    void concurrent_appends_are_all_stored_each_in_its_callers_order() throws Exception {
        store.close();
        store = roomyStore(clock);
        int writers = 16;
        int turns = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int turn = 0; turn < turns; turn++) {
                        String id = writer + "-" + turn;
                        // half the writers share one thread, the others have one each
                        String thread = writer % 2 == 0 ? "shared" : "own-" + writer;
                        store.append(
                                thread,
                                List.of(
                                        new ChatMessage("u" + id, "user", "q" + id),
                                        new ChatMessage("a" + id, "assistant", "r" + id)));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> shared =
                store.messages("shared").stream().map(ChatMessage::id).toList();
        assertThat(shared).hasSize(writers / 2 * turns * 2).doesNotHaveDuplicates();
        for (int writer = 0; writer < writers; writer += 2) {
            List<String> own = new ArrayList<>();
            for (int turn = 0; turn < turns; turn++) {
                own.add("u" + writer + "-" + turn);
                own.add("a" + writer + "-" + turn);
            }
            assertThat(shared).containsSubsequence(own);
        }
        for (int writer = 1; writer < writers; writer += 2) {
            assertThat(store.messages("own-" + writer)).hasSize(turns * 2);
        }
    }

    @Test
    void keeps_the_last_state_of_each_thread() {
        assertThat(store.state("t")).isEmpty();
        store.append("t", List.of(new ChatMessage("u1", "user", "hi")));
        store.saveState("t", Json.parse("{\"turns\": 1}"));
        store.saveState("t", Json.parse("{\"turns\": 2, \"topic\": \"tea\"}"));
        store.saveState("other", Json.parse("{\"turns\": 9}"));

        assertThat(store.state("t")).hasValue(Json.parse("{\"turns\": 2, \"topic\": \"tea\"}"));
        assertThat(store.state("other")).hasValue(Json.parse("{\"turns\": 9}"));
        assertThat(store.threads()).extracting(ThreadSummary::id).containsExactly("t");
    }

    @Test
    void keeps_tool_calls_and_tool_results() {
        ChatMessage call = new ChatMessage(
                "a1", "assistant", "", List.of(new ChatMessage.ToolCall("c1", "time", "{\"tz\":\"UTC\"}")), null);
        ChatMessage result = new ChatMessage("r1", "tool", "12:00", List.of(), "c1");
        store.append("slack:T1", List.of(call, result));

        List<ChatMessage> messages = store.messages("slack:T1");
        assertThat(messages.get(0).toolCalls())
                .containsExactly(new ChatMessage.ToolCall("c1", "time", "{\"tz\":\"UTC\"}"));
        assertThat(messages.get(1).toolCallId()).isEqualTo("c1");
        assertThat(messages.get(1).role()).isEqualTo("tool");
    }

    @Test
    void lists_threads_newest_first_with_count_and_preview() {
        store.append("old", List.of(new ChatMessage("m1", "user", "first question")));
        now.addAndGet(1000);
        store.append(
                "new", List.of(new ChatMessage("m2", "assistant", "hello"), new ChatMessage("m3", "user", "second")));

        List<ThreadSummary> threads = store.threads();

        assertThat(threads).extracting(ThreadSummary::id).containsExactly("new", "old");
        assertThat(threads.get(0).messageCount()).isEqualTo(2);
        assertThat(threads.get(0).preview()).isEqualTo("second");
        assertThat(threads.get(0).lastUpdate()).isEqualTo(Instant.ofEpochMilli(now.get()));
        assertThat(threads.get(1).preview()).isEqualTo("first question");
    }

    @Test
    void threads_are_separate() {
        store.append("a", List.of(new ChatMessage("m1", "user", "in a")));
        store.append("b", List.of(new ChatMessage("m1", "user", "in b")));

        assertThat(store.messages("a")).extracting(ChatMessage::content).containsExactly("in a");
        assertThat(store.messages("b")).extracting(ChatMessage::content).containsExactly("in b");
    }
}
