package dev.idun.channels;

/** The outcome of checking an integration's credentials against its provider: {@code details} on success. */
public record CredentialCheck(boolean ok, String details, String error) {
    public static CredentialCheck passed(String details) {
        return new CredentialCheck(true, details, null);
    }

    public static CredentialCheck failed(String error) {
        return new CredentialCheck(false, null, error);
    }
}
