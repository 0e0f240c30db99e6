package dev.idun.engine.guardrail;

import java.util.regex.Pattern;

/**
 * {@code regex_match}: the text must match {@code regex}, somewhere ({@code match_type: search}, the default) or
 * as a whole ({@code fullmatch}); blocks otherwise.
 */
final class RegexMatchGuard implements Guard {
    private final GuardSettings settings;
    private final Pattern pattern;
    private final boolean full;

    RegexMatchGuard(GuardSettings settings) {
        this.settings = settings;
        this.pattern = Pattern.compile(settings.fields().path("regex").asText());
        this.full = settings.fields().path("match_type").asText("search").equals("fullmatch");
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        var matcher = pattern.matcher(text);
        return (full ? matcher.matches() : matcher.find()) ? Verdict.PASS : Verdict.block(rejectMessage());
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String rejectMessage() {
        return settings.rejectMessage();
    }
}
