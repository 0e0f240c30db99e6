package dev.idun.server.channels;

import dev.idun.admin.integrations.IntegrationChannels;
import dev.idun.channels.CredentialCheck;
import dev.idun.channels.delivery.Channels;
import dev.idun.config.integration.IntegrationConfig;
import java.util.List;
import java.util.Objects;

/** Gives the admin API the delivery log and credential checks of the server's {@link Channels}. */
public final class AdminChannelBridge implements IntegrationChannels {
    private final Channels channels;

    public AdminChannelBridge(Channels channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    @Override
    public List<DeliveryItem> deliveries(String slug, int limit) {
        return channels.deliveries(slug, limit).stream()
                .map(d -> new DeliveryItem(
                        d.id(),
                        d.at(),
                        d.direction(),
                        d.status(),
                        d.attempts(),
                        d.error(),
                        d.threadId(),
                        d.providerMessageId(),
                        d.body()))
                .toList();
    }

    @Override
    public CheckOutcome test(IntegrationConfig integration) {
        CredentialCheck check = channels.check(integration);
        return new CheckOutcome(check.ok(), check.details(), check.error());
    }
}
