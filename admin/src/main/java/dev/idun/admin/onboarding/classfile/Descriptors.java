package dev.idun.admin.onboarding.classfile;

/** Checks field and method descriptors against the grammar of JVMS 4.3. */
final class Descriptors {
    private Descriptors() {}

    static String requireField(String descriptor) throws MalformedClassFileException {
        if (fieldTypeEnd(descriptor, 0, false) != descriptor.length()) {
            throw new MalformedClassFileException("Malformed field descriptor " + descriptor);
        }
        return descriptor;
    }

    static String requireMethod(String descriptor) throws MalformedClassFileException {
        if (descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            throw new MalformedClassFileException("Malformed method descriptor " + descriptor);
        }
        int at = 1;
        while (at < descriptor.length() && descriptor.charAt(at) != ')') {
            at = fieldTypeEnd(descriptor, at, false);
            if (at < 0) {
                throw new MalformedClassFileException("Malformed method descriptor " + descriptor);
            }
        }
        if (at >= descriptor.length() || fieldTypeEnd(descriptor, at + 1, true) != descriptor.length()) {
            throw new MalformedClassFileException("Malformed method descriptor " + descriptor);
        }
        return descriptor;
    }

    /** Where the type starting at {@code at} ends, or -1 when there is none. */
    private static int fieldTypeEnd(String text, int at, boolean voidAllowed) {
        int start = at;
        while (at < text.length() && text.charAt(at) == '[') {
            at++;
        }
        if (at >= text.length()) {
            return -1;
        }
        char c = text.charAt(at);
        if (at > start && c == 'V') {
            return -1;
        }
        switch (c) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z' -> {
                return at + 1;
            }
            case 'V' -> {
                return voidAllowed ? at + 1 : -1;
            }
            case 'L' -> {
                int end = text.indexOf(';', at);
                return end > at + 1 ? end + 1 : -1;
            }
            default -> {
                return -1;
            }
        }
    }
}
