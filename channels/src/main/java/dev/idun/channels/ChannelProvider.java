package dev.idun.channels;

import dev.idun.channels.http.ProviderHttpException;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.ProviderConfig;
import java.util.Optional;

/**
 * One messaging provider plugged into the shared channel machinery. The provider only knows its wire protocol:
 * verifying and reading an inbound request for one integration, delivering one part of a reply with that
 * integration's credentials, and checking the credentials. Routing, dedupe, the agent run, splitting, retries and
 * the delivery log are the machinery's. Implementations are stateless or thread-safe: one instance serves every
 * integration of the provider, and the config passed in is always the live one.
 *
 * @param <C> the provider's config record
 */
public interface ChannelProvider<C extends ProviderConfig> {
    /** The provider this implementation serves. */
    IntegrationProvider provider();

    /** The config record class of the provider (the machinery hands only configs of this class to the methods). */
    Class<C> configType();

    /** The provider's path segment: requests arrive at {@code /integrations/{segment}/webhook}. */
    String pathSegment();

    /** The last path segment of the webhook; {@code webhook} unless the provider's docs name another one. */
    default String webhookName() {
        return "webhook";
    }

    /** Whether the webhook also answers {@code GET} (a subscription handshake). */
    default boolean hasHandshake() {
        return false;
    }

    /**
     * Answers a {@code GET} handshake for one integration, or empty when the request does not match its
     * credentials. Only called when {@link #hasHandshake()}.
     */
    default Optional<WebhookAnswer> handshake(WebhookRequest request, C config) {
        return Optional.empty();
    }

    /**
     * Verifies {@code request} against one integration's credentials (in constant time), then reads it. Returns
     * {@link Inbound.Rejected} when the request is not genuine for this integration or names another one (the
     * machinery then tries the next integration of the provider); never runs or sends anything itself.
     */
    Inbound receive(WebhookRequest request, C config);

    /**
     * Shows the user that an answer is coming (e.g. a typing indicator), just before the agent runs for a message
     * bound for {@code target}. Best effort: a failure is logged and the run goes on. Does nothing by default.
     */
    default void beforeRun(C config, ReplyTarget target) throws ProviderHttpException {}

    /**
     * Delivers part {@code index} (0-based) of a reply to {@code target}; returns the provider's id of the sent
     * message when it gives one (else null). Throws {@link ProviderHttpException} on failure; the machinery retries
     * when it is {@link ProviderHttpException#retryable()}, waiting its {@code Retry-After} when given.
     */
    String deliver(C config, ReplyTarget target, int index, String text) throws ProviderHttpException;

    /** The most characters one part of a reply may hold; longer replies are split. */
    int partLimit();

    /** Checks the credentials against the provider's API (one harmless read call). */
    CredentialCheck check(C config);
}
