package dev.idun.admin.onboarding.classfile;

/** The bytes given to {@link ClassFileReader} are not a well-formed class file (bad magic, truncated, bad index). */
public final class MalformedClassFileException extends Exception {
    public MalformedClassFileException(String message) {
        super(message);
    }
}
