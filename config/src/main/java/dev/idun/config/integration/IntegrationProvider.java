package dev.idun.config.integration;

import java.util.Locale;
import java.util.Optional;

/** The messaging providers an integration can bind the agent to. */
public enum IntegrationProvider {
    WHATSAPP("WhatsApp"),
    SLACK("Slack"),
    DISCORD("Discord"),
    GOOGLE_CHAT("Google Chat"),
    TEAMS("Teams"),
    TELEGRAM("Telegram");

    private final String displayName;

    IntegrationProvider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<IntegrationProvider> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
