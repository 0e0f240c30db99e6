package dev.idun.channels.delivery;

import dev.idun.config.EngineConfig;
import dev.idun.config.Named;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.integration.TelegramConfig;
import dev.idun.config.integration.WhatsAppConfig;
import java.util.ArrayList;
import java.util.List;

/** Warnings about integrations that work but accept unauthenticated webhook requests, for the runtime status. */
public final class ChannelWarnings {
    private ChannelWarnings() {}

    public static List<String> of(EngineConfig config) {
        List<String> warnings = new ArrayList<>();
        for (Named<IntegrationConfig> item : config.integrations()) {
            if (item.enabled()
                    && item.config().config() instanceof WhatsAppConfig whatsApp
                    && (whatsApp.appSecret() == null || whatsApp.appSecret().isBlank())) {
                warnings.add("WhatsApp integration '" + item.name() + "' has no appSecret: its webhook accepts"
                        + " unsigned requests. Set appSecret (Meta app secret) to verify X-Hub-Signature-256.");
            }
            if (item.enabled()
                    && item.config().config() instanceof TelegramConfig telegram
                    && (telegram.secretToken() == null || telegram.secretToken().isBlank())) {
                warnings.add("Telegram integration '" + item.name() + "' has no secretToken: its webhook accepts"
                        + " requests from anyone who knows its URL. Set secretToken and pass it to setWebhook.");
            }
        }
        return warnings;
    }
}
