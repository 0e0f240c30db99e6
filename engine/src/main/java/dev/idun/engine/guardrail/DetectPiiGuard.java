package dev.idun.engine.guardrail;

import dev.idun.config.guardrail.PiiEntity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code detect_pii}: blocks text holding any of {@code pii_entities}, or redacts each to its entity name in
 * brackets ({@code [EMAIL_ADDRESS]}).
 */
final class DetectPiiGuard implements SpanGuard {
    private final GuardSettings settings;
    private final List<PiiFinder> finders;

    DetectPiiGuard(GuardSettings settings) {
        this.settings = settings;
        Set<PiiEntity> entities = new LinkedHashSet<>();
        for (String name : settings.strings("pii_entities")) {
            entities.add(PiiEntity.parse(name)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown PII entity '" + name + "'")));
        }
        // checksummed numbers first, so a card number is never also taken for a phone number
        this.finders = entities.stream()
                .sorted((a, b) -> Boolean.compare(a == PiiEntity.PHONE_NUMBER, b == PiiEntity.PHONE_NUMBER))
                .map(PiiFinder::new)
                .toList();
    }

    @Override
    public List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        for (PiiFinder finder : finders) {
            for (Match match : finder.find(text)) {
                if (found.stream().noneMatch(m -> m.start() < match.end() && match.start() < m.end())) {
                    found.add(match);
                }
            }
        }
        return Match.disjoint(found);
    }

    @Override
    public int window() {
        return 128;
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
