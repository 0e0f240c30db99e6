package dev.idun.engine.guardrail;

import java.util.List;

/** {@code competition_check}: blocks, or redacts to {@code [REDACTED]}, every mention of a name in {@code competitors}. */
final class CompetitionCheckGuard implements SpanGuard {
    private final GuardSettings settings;
    private final Phrases competitors;

    CompetitionCheckGuard(GuardSettings settings) {
        this.settings = settings;
        this.competitors = Phrases.of(Phrases.split(settings.strings("competitors")));
    }

    @Override
    public List<Match> find(String text) {
        return competitors.find(text, name -> BanListGuard.REDACTED);
    }

    @Override
    public int window() {
        return competitors.longest() + 8;
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
