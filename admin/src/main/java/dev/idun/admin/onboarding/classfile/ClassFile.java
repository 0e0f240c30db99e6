package dev.idun.admin.onboarding.classfile;

import java.util.List;
import java.util.Objects;

/**
 * What the scanner needs of one class file: access flags, its own, super and interface names in internal form
 * ({@code com/acme/MyAgent}), and its methods. Immutable.
 */
public record ClassFile(
        int accessFlags, String name, String superName, List<String> interfaces, List<MethodInfo> methods) {
    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;
    static final int ACC_SYNTHETIC = 0x1000;
    static final int ACC_ANNOTATION = 0x2000;
    static final int ACC_ENUM = 0x4000;
    static final int ACC_MODULE = 0x8000;

    public ClassFile {
        Objects.requireNonNull(name, "name");
        interfaces = List.copyOf(interfaces);
        methods = List.copyOf(methods);
    }

    public boolean isPublic() {
        return (accessFlags & ACC_PUBLIC) != 0;
    }

    public boolean isInterface() {
        return (accessFlags & ACC_INTERFACE) != 0;
    }

    public boolean isAbstract() {
        return (accessFlags & ACC_ABSTRACT) != 0;
    }

    public boolean isEnum() {
        return (accessFlags & ACC_ENUM) != 0;
    }

    public boolean isModule() {
        return (accessFlags & ACC_MODULE) != 0;
    }

    public boolean isSynthetic() {
        return (accessFlags & ACC_SYNTHETIC) != 0;
    }

    /** A class that can be instantiated: not an interface, annotation, enum, module or abstract class. */
    public boolean isConcreteClass() {
        return (accessFlags & (ACC_INTERFACE | ACC_ABSTRACT | ACC_ANNOTATION | ACC_ENUM | ACC_MODULE)) == 0;
    }

    /** The binary name with dots ({@code com.acme.Outer$Inner}), as {@code Class.forName} takes it. */
    public String binaryName() {
        return name.replace('/', '.');
    }

    /** The name without package or enclosing classes ({@code Inner} for {@code com/acme/Outer$Inner}). */
    public String simpleName() {
        String simple = name.substring(name.lastIndexOf('/') + 1);
        int dollar = simple.lastIndexOf('$');
        return dollar >= 0 && dollar < simple.length() - 1 ? simple.substring(dollar + 1) : simple;
    }
}
