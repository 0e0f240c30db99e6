package dev.idun.channels;

import java.util.List;
import java.util.Objects;

/** What a provider made of an inbound request for one integration. */
public sealed interface Inbound {
    /** Genuine: answer the provider with {@code answer}, then handle {@code messages} (possibly none). */
    record Accepted(WebhookAnswer answer, List<InboundMessage> messages) implements Inbound {
        public Accepted {
            Objects.requireNonNull(answer, "answer");
            messages = List.copyOf(messages);
        }
    }

    /**
     * Not genuine for this integration (bad or missing signature, stale timestamp, wrong secret) or addressed to
     * another one: {@code status} (401 or 403) with {@code detail} when no integration accepts the request.
     */
    record Rejected(int status, String detail) implements Inbound {
        public Rejected {
            Objects.requireNonNull(detail, "detail");
        }
    }

    static Inbound accepted(WebhookAnswer answer, List<InboundMessage> messages) {
        return new Accepted(answer, messages);
    }

    static Inbound rejected(int status, String detail) {
        return new Rejected(status, detail);
    }
}
