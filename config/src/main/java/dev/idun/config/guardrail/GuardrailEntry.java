package dev.idun.config.guardrail;

import java.util.Objects;

/** A configured guard with its name, on/off switch and position; order within a position is list order. */
public record GuardrailEntry(
        String name, String slug, boolean enabled, GuardrailPosition position, GuardrailConfig config) {
    public GuardrailEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(config, "config");
    }
}
