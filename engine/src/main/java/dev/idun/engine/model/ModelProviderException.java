package dev.idun.engine.model;

/** A model provider refused or failed a request (an HTTP error, a timeout); the message never holds the API key. */
public final class ModelProviderException extends Exception {
    public ModelProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelProviderException(String message) {
        super(message);
    }
}
