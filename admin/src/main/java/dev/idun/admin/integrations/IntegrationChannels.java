package dev.idun.admin.integrations;

import dev.idun.config.integration.IntegrationConfig;
import java.time.Instant;
import java.util.List;

/**
 * How the admin API reaches the messaging channels of the server: an integration's delivery log and a check of its
 * credentials against the provider. Implemented by the server.
 */
public interface IntegrationChannels {
    /** The latest {@code limit} deliveries of the integration {@code slug}, newest first. */
    List<DeliveryItem> deliveries(String slug, int limit);

    /** Checks the credentials of {@code integration} against its provider. */
    CheckOutcome test(IntegrationConfig integration);

    /** One delivery log row; {@code body} is null unless message bodies are logged. */
    record DeliveryItem(
            String id,
            Instant at,
            String direction,
            String status,
            int attempts,
            String error,
            String threadId,
            String providerMessageId,
            String body) {}

    /** {@code details} says what the provider answered on success, {@code error} why the check failed. */
    record CheckOutcome(boolean ok, String details, String error) {}
}
