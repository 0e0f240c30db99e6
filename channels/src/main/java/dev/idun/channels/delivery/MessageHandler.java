package dev.idun.channels.delivery;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.InboundMessage;
import dev.idun.config.integration.ProviderConfig;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one accepted inbound message in the background: runs the agent (or takes the provider's direct reply),
 * splits the reply at the provider's part limit and delivers the parts in order, logging each one. A part that fails
 * for good stops the parts after it (they are logged as failed, not sent out of order). Thread-safe.
 */
final class MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final AgentReplies replies;
    private final ReplySender sender;
    private final DeliveryLog log;

    MessageHandler(AgentReplies replies, ReplySender sender, DeliveryLog log) {
        this.replies = Objects.requireNonNull(replies, "replies");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.log = Objects.requireNonNull(log, "log");
    }

    <C extends ProviderConfig> void handle(
            ChannelProvider<C> provider, String slug, String threadId, InboundMessage message) {
        if (message.kind() == InboundMessage.Kind.AGENT) {
            sender.beforeRun(provider, slug, message.target());
        }
        AgentReply reply = message.kind() == InboundMessage.Kind.AGENT
                ? replies.reply(threadId, message.text())
                : AgentReply.answer(message.text());
        if (reply.text().isBlank()) {
            log.outbound(slug, "failed", 0, reply.failure(), threadId, null, null);
            return;
        }
        if (reply.failure() != null) {
            LOG.warn("Integration {} thread {}: {}; sending an apology", slug, threadId, reply.failure());
        }
        List<String> parts = ReplySplitter.split(reply.text(), provider.partLimit());
        String failure = null;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (failure != null) {
                log.outbound(slug, "failed", 0, "Not sent: an earlier part failed", threadId, null, part);
                continue;
            }
            PartOutcome outcome = sender.send(provider, slug, message.target(), i, part);
            if (outcome.sent()) {
                log.outbound(
                        slug, "sent", outcome.attempts(), reply.failure(), threadId, outcome.providerMessageId(), part);
            } else {
                failure = outcome.error();
                LOG.warn("Integration {}: reply part {} not delivered: {}", slug, i + 1, failure);
                log.outbound(slug, "failed", outcome.attempts(), failure, threadId, null, part);
            }
        }
    }
}
