package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;

/** The provider-specific part of an integration: credentials and identifiers. */
public sealed interface ProviderConfig
        permits WhatsAppConfig, SlackConfig, DiscordConfig, GoogleChatConfig, TeamsConfig, TelegramConfig {
    ObjectNode toJson(Casing casing);
}
