package dev.idun.channels.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of an integration's delivery log: an inbound message ({@code received}, {@code duplicate}, {@code
 * rejected}) or one outbound reply part ({@code sent}, {@code failed}) with the attempts it took. {@code body} is
 * null unless message bodies are logged.
 */
public record Delivery(
        String id,
        Instant at,
        String direction,
        String status,
        int attempts,
        String error,
        String threadId,
        String providerMessageId,
        String body) {
    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
    }
}
