package dev.idun.channels.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons of secrets that take the same time whatever the input, so they leak nothing through timing. */
public final class Secrets {
    private Secrets() {}

    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
