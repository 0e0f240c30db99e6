package dev.idun.channels.delivery;

/** The channel tables could not be read or written. */
public final class ChannelStoreException extends RuntimeException {
    ChannelStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
