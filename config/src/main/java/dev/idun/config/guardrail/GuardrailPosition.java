package dev.idun.config.guardrail;

import java.util.Locale;
import java.util.Optional;

/** Whether a guard checks what the user sends ({@code input}) or what the agent answers ({@code output}). */
public enum GuardrailPosition {
    INPUT,
    OUTPUT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GuardrailPosition> parse(String text) {
        return switch (text) {
            case "input" -> Optional.of(INPUT);
            case "output" -> Optional.of(OUTPUT);
            default -> Optional.empty();
        };
    }
}
