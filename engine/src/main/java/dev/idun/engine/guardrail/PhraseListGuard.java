package dev.idun.engine.guardrail;

import java.util.List;

/**
 * A guard over a configured list of words or phrases: {@code ban_list} ({@code banned_words}) and
 * {@code competition_check} ({@code competitors}). Blocks, or redacts to {@code [REDACTED]}, every occurrence.
 */
final class PhraseListGuard implements SpanGuard {
    static final String REDACTED = "[REDACTED]";

    private final GuardSettings settings;
    private final Phrases phrases;

    /** {@code listField}: the setting that names the phrases. */
    PhraseListGuard(GuardSettings settings, String listField) {
        this.settings = settings;
        this.phrases = Phrases.of(Phrases.split(settings.strings(listField)));
    }

    @Override
    public List<Match> find(String text) {
        return phrases.find(text, phrase -> REDACTED);
    }

    @Override
    public int window() {
        return phrases.longest() + 8;
    }

    @Override
    public boolean fixes() {
        return settings.fixes();
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
