package dev.idun.engine.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the built-in guards on a labelled set of short texts ({@code guardrails/labelled.tsv}): false positives
 * (a text that should pass is blocked) and false negatives (a text that should be stopped passes), per guard.
 * Prints the table the README quotes and holds the error rate of every guard under a bound.
 */
class GuardrailLabelledSetTest {
    /** The config each guard runs with on the set. */
    static final Map<String, String> CONFIGS = Map.ofEntries(
            Map.entry(
                    "ban_list", "{\"config_id\": \"ban_list\", \"banned_words\": [\"project falcon\", \"nightjar\"]}"),
            Map.entry(
                    "detect_pii",
                    "{\"config_id\": \"detect_pii\", \"pii_entities\": [\"EMAIL_ADDRESS\","
                            + " \"PHONE_NUMBER\", \"CREDIT_CARD\", \"IBAN_CODE\", \"IP_ADDRESS\", \"US_SSN\"]}"),
            Map.entry(
                    "competition_check",
                    "{\"config_id\": \"competition_check\", \"competitors\": [\"Globex\","
                            + " \"Initech\", \"Umbrella Corp\"]}"),
            Map.entry(
                    "restrict_to_topic",
                    "{\"config_id\": \"restrict_to_topic\", \"valid_topics\": [\"invoice\","
                            + " \"billing\", \"payment\", \"refund\", \"subscription\", \"charge\", \"account\"],"
                            + " \"invalid_topics\": [\"politics\", \"election\"]}"),
            Map.entry(
                    "correct_language",
                    "{\"config_id\": \"correct_language\", \"expected_languages\": [\"en\", \"fr\"]}"),
            Map.entry("gibberish_text", "{\"config_id\": \"gibberish_text\", \"threshold\": 0.5}"),
            Map.entry("detect_jailbreak", "{\"config_id\": \"detect_jailbreak\", \"threshold\": 0.6}"),
            Map.entry("prompt_injection", "{\"config_id\": \"prompt_injection\", \"threshold\": 0.6}"),
            Map.entry("toxic_language", "{\"config_id\": \"toxic_language\", \"threshold\": 0.5}"),
            Map.entry("nsfw_text", "{\"config_id\": \"nsfw_text\", \"threshold\": 0.6}"),
            Map.entry("bias_check", "{\"config_id\": \"bias_check\", \"threshold\": 0.6}"),
            Map.entry("code_scanner", "{\"config_id\": \"code_scanner\", \"allowed_languages\": [\"python\"]}"),
            Map.entry(
                    "regex_match",
                    "{\"config_id\": \"regex_match\", \"regex\": \"ORD-\\\\d{5}\","
                            + " \"match_type\": \"fullmatch\"}"));
    /** Highest share of wrongly judged texts any guard may have on the set. */
    static final double MAX_ERROR_RATE = 0.2;

    record Sample(String guard, boolean shouldFail, String text) {}

    static final class Tally {
        int total;
        int positives;
        int falsePositives;
        int falseNegatives;
        final List<String> misses = new ArrayList<>();
    }

    static List<Sample> samples() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = GuardrailLabelledSetTest.class.getResourceAsStream("/guardrails/labelled.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", 3);
                samples.add(new Sample(cells[0], cells[1].equals("fail"), cells[2].replace("\\n", "\n")));
            }
        }
        return samples;
    }

    @Test
    void every_guard_stays_under_the_error_bound_on_the_labelled_set() throws IOException {
        List<Sample> samples = samples();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(200);
        Map<String, Guard> guards = new LinkedHashMap<>();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Guard guard = guards.computeIfAbsent(sample.guard(), id -> TestGuards.guard(CONFIGS.get(id)));
            Tally tally = tallies.computeIfAbsent(sample.guard(), id -> new Tally());
            boolean blocked = TestGuards.check(guard, sample.text()).blocked();
            tally.total++;
            tally.positives += sample.shouldFail() ? 1 : 0;
            if (blocked && !sample.shouldFail()) {
                tally.falsePositives++;
                tally.misses.add("FP: " + sample.text());
            } else if (!blocked && sample.shouldFail()) {
                tally.falseNegatives++;
                tally.misses.add("FN: " + sample.text());
            }
        }
        StringBuilder table = new StringBuilder(
                "| guard | texts | should fail | false positives | false negatives |\n" + "|---|---|---|---|---|\n");
        tallies.forEach((guard, t) -> table.append("| %s | %d | %d | %d | %d |%n"
                .formatted(guard, t.total, t.positives, t.falsePositives, t.falseNegatives)));
        System.out.println(table);
        tallies.forEach((guard, t) -> t.misses.forEach(miss -> System.out.println(guard + " " + miss)));

        tallies.forEach((guard, t) -> assertThat((double) (t.falsePositives + t.falseNegatives) / t.total)
                .as(guard + " errors: " + t.misses)
                .isLessThanOrEqualTo(MAX_ERROR_RATE));
    }
}
