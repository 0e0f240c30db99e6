package dev.idun.channels;

import java.util.Objects;

/**
 * One thing an inbound request carries. {@code dedupeKey} is the provider's unique id of it (a message id, an event
 * id, an update id): it is recorded before anything runs, so a repeat is never answered twice. {@code
 * conversationKey} names the conversation (messages of one conversation are handled in arrival order; the agent
 * thread is {@code <provider>:<conversationKey>}). {@code target} says where a reply goes.
 */
public record InboundMessage(String dedupeKey, String conversationKey, String text, ReplyTarget target, Kind kind) {
    /** How the machinery handles a message. */
    public enum Kind {
        /** Run the agent on {@code text} and reply with its answer. */
        AGENT,
        /** Reply {@code text} as it is, without the agent (e.g. a polite answer to an unsupported message type). */
        DIRECT,
        /** Record it in the delivery log only (e.g. a delivery status callback); {@code text} is an error or null. */
        RECORD
    }

    public InboundMessage {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.RECORD) {
            Objects.requireNonNull(conversationKey, "conversationKey");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(target, "target");
        }
    }

    public static InboundMessage forAgent(String dedupeKey, String conversationKey, String text, ReplyTarget target) {
        return new InboundMessage(dedupeKey, conversationKey, text, target, Kind.AGENT);
    }

    public static InboundMessage directReply(
            String dedupeKey, String conversationKey, String reply, ReplyTarget target) {
        return new InboundMessage(dedupeKey, conversationKey, reply, target, Kind.DIRECT);
    }

    /** {@code error} describes a failure the provider reported, or is null. */
    public static InboundMessage recordOnly(String dedupeKey, String conversationKey, String error) {
        return new InboundMessage(dedupeKey, conversationKey, error, null, Kind.RECORD);
    }
}
