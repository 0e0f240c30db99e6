package dev.idun.engine.memory;

/** Conversation history could not be read or written (the memory database is unreachable or refused a query). */
public final class MemoryStoreException extends RuntimeException {
    public MemoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
