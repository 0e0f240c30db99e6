package dev.idun.admin.onboarding.classfile;

import java.util.Objects;

/** One method of a class file: its access flags, name and JVM descriptor (e.g. {@code ()Lcom/acme/Graph;}). */
public record MethodInfo(int accessFlags, String name, String descriptor) {
    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_STATIC = 0x0008;
    static final int ACC_SYNTHETIC = 0x1000;

    public MethodInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    public boolean isPublic() {
        return (accessFlags & ACC_PUBLIC) != 0;
    }

    public boolean isStatic() {
        return (accessFlags & ACC_STATIC) != 0;
    }

    public boolean isSynthetic() {
        return (accessFlags & ACC_SYNTHETIC) != 0;
    }

    /** True when the descriptor declares no parameters. */
    public boolean takesNoParameters() {
        return descriptor.startsWith("()");
    }

    /** The return type part of the descriptor ({@code V}, {@code I}, {@code Lcom/acme/Graph;}, …). */
    public String returnDescriptor() {
        return descriptor.substring(descriptor.indexOf(')') + 1);
    }
}
