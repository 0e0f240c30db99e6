package dev.idun.channels.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplySplitterTest {
    @Test
    void keeps_a_short_reply_whole() {
        assertThat(ReplySplitter.split("  Hello there.  ", 4096)).containsExactly("Hello there.");
    }

    @Test
    void splits_at_a_paragraph_break_first() {
        String text = "First paragraph. It has two sentences.\n\nSecond paragraph here.";

        assertThat(ReplySplitter.split(text, 45))
                .containsExactly("First paragraph. It has two sentences.", "Second paragraph here.");
    }

    @Test
    void splits_at_a_sentence_end_when_no_paragraph_fits() {
        String text = "One sentence is here. Another sentence follows it. A third one ends.";

        List<String> parts = ReplySplitter.split(text, 55);

        assertThat(parts).containsExactly("One sentence is here. Another sentence follows it.", "A third one ends.");
    }

    @Test
    void splits_at_a_word_when_a_sentence_is_too_long() {
        List<String> parts = ReplySplitter.split("alpha beta gamma delta epsilon", 12);

        assertThat(parts).containsExactly("alpha beta", "gamma delta", "epsilon");
    }

    @Test
    void cuts_a_word_longer_than_the_limit_without_losing_characters() {
        assertThat(ReplySplitter.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void never_cuts_a_surrogate_pair() {
        String text = "abc\uD83D\uDE00def";

        List<String> parts = ReplySplitter.split(text, 4);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts)
                .allSatisfy(part ->
                        assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse());
    }

    @Test
    void a_long_reply_becomes_parts_within_the_limit_with_every_word_in_order() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 10_000; i++) {
            text.append("Word").append(i).append(i % 7 == 0 ? ". " : " ").append(i % 40 == 0 ? "\n\n" : "");
        }

        List<String> parts = ReplySplitter.split(text.toString(), 4096);

        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(4096));
        assertThat(String.join(" ", parts).split("\\s+"))
                .containsExactly(text.toString().strip().split("\\s+"));
    }
}
