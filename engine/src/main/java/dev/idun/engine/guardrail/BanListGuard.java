package dev.idun.engine.guardrail;

import java.util.List;

/** {@code ban_list}: blocks, or redacts to {@code [REDACTED]}, every banned word or phrase ({@code banned_words}). */
final class BanListGuard implements SpanGuard {
    static final String REDACTED = "[REDACTED]";

    private final GuardSettings settings;
    private final Phrases banned;

    BanListGuard(GuardSettings settings) {
        this.settings = settings;
        this.banned = Phrases.of(Phrases.split(settings.strings("banned_words")));
    }

    @Override
    public List<Match> find(String text) {
        return banned.find(text, word -> REDACTED);
    }

    @Override
    public int window() {
        return banned.longest() + 8;
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
