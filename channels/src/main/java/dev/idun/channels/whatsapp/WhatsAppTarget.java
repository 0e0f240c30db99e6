package dev.idun.channels.whatsapp;

import dev.idun.channels.ReplyTarget;
import java.util.Objects;

/** A WhatsApp reply goes to the sender's phone number ({@code wa_id}). */
record WhatsAppTarget(String to) implements ReplyTarget {
    WhatsAppTarget {
        Objects.requireNonNull(to, "to");
    }
}
