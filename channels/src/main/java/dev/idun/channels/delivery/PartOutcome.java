package dev.idun.channels.delivery;

/** How the delivery of one reply part ended: sent (with the provider's message id when known) or failed. */
record PartOutcome(boolean sent, int attempts, String providerMessageId, String error) {
    static PartOutcome sent(int attempts, String providerMessageId) {
        return new PartOutcome(true, attempts, providerMessageId, null);
    }

    static PartOutcome failed(int attempts, String error) {
        return new PartOutcome(false, attempts, null, error);
    }
}
