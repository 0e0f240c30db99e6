package dev.idun.channels.delivery;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.Inbound;
import dev.idun.channels.InboundMessage;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.config.integration.ProviderConfig;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens inside a webhook request, in order: find the enabled integrations of the provider (or the one the
 * path names), hand the request to the first whose credentials verify it, claim each message id in the dedupe table,
 * queue the new messages on the {@link ConversationExecutor} and answer at once. A request no integration verifies is
 * rejected with no run and no outbound call. Thread-safe.
 */
final class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final LiveIntegrations live;
    private final DedupeStore dedupe;
    private final DeliveryLog log;
    private final ConversationExecutor executor;
    private final MessageHandler handler;
    private final RejectionThrottle rejections;

    WebhookDispatcher(
            LiveIntegrations live,
            DedupeStore dedupe,
            DeliveryLog log,
            ConversationExecutor executor,
            MessageHandler handler,
            RejectionThrottle rejections) {
        this.live = Objects.requireNonNull(live, "live");
        this.dedupe = Objects.requireNonNull(dedupe, "dedupe");
        this.log = Objects.requireNonNull(log, "log");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
    }

    <C extends ProviderConfig> WebhookAnswer handshake(
            ChannelProvider<C> provider, String slug, WebhookRequest request) {
        List<LiveIntegrations.Live<C>> candidates = live.enabled(provider, slug);
        if (candidates.isEmpty()) {
            return WebhookAnswer.detail(404, "Not Found");
        }
        for (LiveIntegrations.Live<C> candidate : candidates) {
            Optional<WebhookAnswer> answer = provider.handshake(request, candidate.config());
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return WebhookAnswer.text(403, "");
    }

    <C extends ProviderConfig> WebhookAnswer receive(ChannelProvider<C> provider, String slug, WebhookRequest request) {
        List<LiveIntegrations.Live<C>> candidates = live.enabled(provider, slug);
        if (candidates.isEmpty()) {
            return WebhookAnswer.detail(404, "No enabled " + provider.provider().displayName() + " integration");
        }
        Inbound.Rejected firstRejection = null;
        for (LiveIntegrations.Live<C> candidate : candidates) {
            Inbound inbound;
            try {
                inbound = provider.receive(request, candidate.config());
            } catch (RuntimeException e) {
                LOG.warn("{} request could not be read: {}", provider.provider().displayName(), e.toString());
                inbound = Inbound.rejected(400, "Malformed request");
            }
            if (inbound instanceof Inbound.Accepted accepted) {
                return accept(provider, candidate.slug(), accepted);
            }
            if (firstRejection == null) {
                firstRejection = (Inbound.Rejected) inbound;
            }
        }
        if (candidates.size() == 1 && rejections.allow(candidates.get(0).slug())) {
            log.inboundFailure(candidates.get(0).slug(), "rejected", firstRejection.detail());
        }
        return WebhookAnswer.detail(firstRejection.status(), firstRejection.detail());
    }

    private <C extends ProviderConfig> WebhookAnswer accept(
            ChannelProvider<C> provider, String slug, Inbound.Accepted accepted) {
        List<InboundMessage> messages = accepted.messages();
        boolean runsAgent = messages.stream().anyMatch(m -> m.kind() == InboundMessage.Kind.AGENT);
        if (runsAgent && !live.agentReady()) {
            return WebhookAnswer.detail(503, provider.provider().displayName() + " integration not ready: no agent");
        }
        if (messages.stream().anyMatch(m -> m.kind() != InboundMessage.Kind.RECORD) && !executor.hasRoom()) {
            return WebhookAnswer.detail(503, "Too many messages waiting for an answer; retry later");
        }
        for (InboundMessage message : messages) {
            String threadId = threadId(provider, message);
            if (message.kind() == InboundMessage.Kind.RECORD) {
                log.recorded(slug, message.dedupeKey(), threadId, message.text());
                continue;
            }
            if (!dedupe.claim(slug, message.dedupeKey())) {
                log.inbound(slug, "duplicate", threadId, message.dedupeKey(), message.text());
                continue;
            }
            log.inbound(slug, "received", threadId, message.dedupeKey(), message.text());
            boolean queued = executor.submit(
                    provider.provider().name() + "|" + slug + "|" + message.conversationKey(),
                    () -> handler.handle(provider, slug, threadId, message));
            if (!queued) {
                LOG.warn("Integration {}: message {} dropped, the channel queue is full", slug, message.dedupeKey());
                log.outbound(slug, "failed", 0, "Dropped: the channel queue was full", threadId, null, null);
            }
        }
        return accepted.answer();
    }

    private static String threadId(ChannelProvider<?> provider, InboundMessage message) {
        if (message.conversationKey() == null) {
            return null;
        }
        return provider.provider().name().toLowerCase(Locale.ROOT) + ":" + message.conversationKey();
    }
}
