package dev.idun.config.integration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The messaging providers an integration can bind the agent to. */
public enum IntegrationProvider {
    WHATSAPP("WhatsApp", "accessToken", "verifyToken", "appSecret"),
    SLACK("Slack", "botToken", "signingSecret"),
    DISCORD("Discord", "botToken"),
    GOOGLE_CHAT("Google Chat", "serviceAccountCredentialsJson"),
    TEAMS("Teams", "appPassword"),
    TELEGRAM("Telegram", "botToken", "secretToken");

    private final String displayName;
    private final List<String> secretFields;

    IntegrationProvider(String displayName, String... secretFields) {
        this.displayName = displayName;
        this.secretFields = List.of(secretFields);
    }

    /** The camelCase names of this provider's config fields that are secrets (masked on read). */
    public List<String> secretFields() {
        return secretFields;
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
