package dev.idun.admin.configstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GitHub Tools|github-tools",
                "'Hello, World! @ Idun'|hello-world-idun",
                "foo--bar---baz|foo-bar-baz",
                "---foo---|foo",
                "Café Münster|cafe-munster",
                "FooBar|foobar",
                "'  github tools  '|github-tools",
                "Customer Support|customer-support",
                "Time Server|time-server",
                "Profanity filter|profanity-filter",
                "WhatsApp 2|whatsapp-2",
                "snake_case_name|snake-case-name",
                "ﬁle ＡＢＣ|file-abc",
                "Ærøskøbing|rskbing",
                "Привет world|world",
                "'\tTabs\nand newlines '|tabs-and-newlines"
            })
    void normalizes_names_as_the_spec_examples_show(String name, String slug) {
        assertThat(Slugs.normalize(name)).contains(slug);
    }

    @Test
    void truncates_to_64_characters() {
        assertThat(Slugs.normalize("a".repeat(200))).contains("a".repeat(64));
    }

    @Test
    void keeps_a_name_of_exactly_64_characters() {
        String name = "b".repeat(30) + "-" + "c".repeat(33);

        assertThat(Slugs.normalize(name)).contains(name);
    }

    @Test
    void does_not_end_with_a_hyphen_after_truncation() {
        String slug = Slugs.normalize("a".repeat(63) + " tail").orElseThrow();

        assertThat(slug).isEqualTo("a".repeat(63));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "!!!@@@", "---", "你好", "🙂🙂"})
    void gives_nothing_for_names_without_usable_characters(String name) {
        assertThat(Slugs.normalize(name)).isEmpty();
    }

    @Test
    void every_normalized_slug_matches_the_slug_alphabet() {
        for (String name : new String[] {"A b", "x!y?z", "  9 Lives ", "ÉCOLE-été", "a".repeat(100) + "-b"}) {
            assertThat(Slugs.normalize(name).orElseThrow())
                    .as(name)
                    .matches("[a-z0-9]+(-[a-z0-9]+)*")
                    .hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
        }
    }

    @Test
    void returns_a_free_base_unchanged() {
        assertThat(Slugs.unique("github-tools", Set.of("other", "github-tools-2")))
                .contains("github-tools");
    }

    @Test
    void appends_2_to_a_taken_base() {
        assertThat(Slugs.unique("github-tools", Set.of("github-tools"))).contains("github-tools-2");
    }

    @Test
    void takes_the_first_free_suffix() {
        assertThat(Slugs.unique("a", Set.of("a", "a-2", "a-3", "a-5"))).contains("a-4");
    }

    @Test
    void goes_up_to_suffix_99() {
        Set<String> taken = takenUpTo("a", 98);

        assertThat(Slugs.unique("a", taken)).contains("a-99");
    }

    @Test
    void gives_nothing_when_every_suffix_up_to_99_is_taken() {
        Set<String> taken = takenUpTo("a", 99);

        assertThat(Slugs.unique("a", taken)).isEmpty();
    }

    @Test
    void shortens_a_64_character_base_so_the_suffixed_slug_stays_within_64() {
        String base = "a".repeat(64);

        assertThat(Slugs.unique(base, Set.of(base))).contains("a".repeat(62) + "-2");
        assertThat(Slugs.unique(base, takenUpTo(base, 9))).contains("a".repeat(61) + "-10");
    }

    @Test
    void every_suffixed_slug_of_a_long_base_is_at_most_64_characters_and_distinct() {
        String base = "x".repeat(64);
        Set<String> taken = new HashSet<>(Set.of(base));

        for (int i = 2; i <= Slugs.MAX_SUFFIX; i++) {
            String slug = Slugs.unique(base, taken).orElseThrow();
            assertThat(slug).hasSizeLessThanOrEqualTo(64).endsWith("-" + i);
            assertThat(taken.add(slug)).as(slug).isTrue();
        }
        assertThat(Slugs.unique(base, taken)).isEmpty();
    }

    @Test
    void does_not_leave_a_double_hyphen_when_shortening_at_a_hyphen() {
        String base = "a".repeat(61) + "-bc";

        String slug = Slugs.unique(base, Set.of(base)).orElseThrow();

        assertThat(slug).isEqualTo("a".repeat(61) + "-2").doesNotContain("--");
    }

    @Test
    void does_not_shorten_a_base_that_fits_with_its_suffix() {
        String base = "a".repeat(62);

        assertThat(Slugs.unique(base, Set.of(base))).contains(base + "-2");
    }

    private static Set<String> takenUpTo(String base, int last) {
        Set<String> taken = IntStream.rangeClosed(2, last)
                .mapToObj(n -> {
                    String suffix = "-" + n;
                    String stem = base.length() + suffix.length() > Slugs.MAX_LENGTH
                            ? base.substring(0, Slugs.MAX_LENGTH - suffix.length())
                            : base;
                    return stem + suffix;
                })
                .collect(Collectors.toCollection(HashSet::new));
        taken.add(base);
        return taken;
    }
}
