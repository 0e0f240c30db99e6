package dev.idun.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConversationExecutorTest {
    @Test
    void runs_the_messages_of_one_conversation_in_order_one_at_a_time() throws Exception {
        ConversationExecutor executor = new ConversationExecutor(4, 100);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            int n = i;
            executor.submit("c1", () -> {
                if (running.incrementAndGet() > 1) {
                    overlap.incrementAndGet();
                }
                pause(5);
                seen.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(overlap.get()).isZero();
        executor.close(Duration.ofSeconds(1));
    }

    @Test
    void runs_different_conversations_in_parallel_up_to_the_worker_count() throws Exception {
        ConversationExecutor executor = new ConversationExecutor(3, 100);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(9);
        for (int i = 0; i < 9; i++) {
            executor.submit("c" + i, () -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                pause(100);
                running.decrementAndGet();
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(peak.get()).isBetween(2, 3);
        executor.close(Duration.ofSeconds(1));
    }

    @Test
    void refuses_work_beyond_its_queue_bound() {
        ConversationExecutor executor = new ConversationExecutor(1, 2);
        CountDownLatch release = new CountDownLatch(1);

        assertThat(executor.submit("a", () -> await(release))).isTrue();
        assertThat(executor.submit("b", () -> {})).isTrue();
        assertThat(executor.hasRoom()).isFalse();
        assertThat(executor.submit("c", () -> {})).isFalse();
        release.countDown();
        executor.close(Duration.ofSeconds(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
