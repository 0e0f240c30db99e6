package dev.idun.config.guardrail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of personal data {@code detect_pii} finds without an external service. Each has the entity name of the
 * reference (Presidio's names, written in brackets when a match is redacted) and the labels its UI sends.
 */
public enum PiiEntity {
    EMAIL_ADDRESS("Email", "EMAIL"),
    PHONE_NUMBER("Phone Number", "PHONE"),
    CREDIT_CARD("Credit Card"),
    IBAN_CODE("IBAN"),
    IP_ADDRESS("IP Address", "IP"),
    US_SSN("SSN"),
    URL("Url");

    private final List<String> labels;

    PiiEntity(String... labels) {
        this.labels = List.of(labels);
    }

    /** The entity for a name or UI label, case-insensitive ({@code Email}, {@code EMAIL_ADDRESS}, {@code SSN}). */
    public static Optional<PiiEntity> parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(e -> e.name().equals(wanted)
                        || e.labels.stream()
                                .anyMatch(l -> l.toUpperCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }

    /** Every accepted entity name, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
