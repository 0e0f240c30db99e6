package dev.idun.admin.onboarding.classfile;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the declaration part of a class file (JVMS chapter 4) without loading it: constant pool, access flags,
 * this/super/interfaces and methods; field and attribute contents are checked for length and skipped. Strict: bad
 * magic, an unknown constant tag, an index to the wrong kind of constant, a malformed descriptor, truncated input
 * or trailing bytes are all a {@link MalformedClassFileException}. Stateless and thread-safe.
 */
public final class ClassFileReader {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int OLDEST_MAJOR_VERSION = 45;

    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    private ClassFileReader() {}

    public static ClassFile read(byte[] bytes) throws MalformedClassFileException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            ClassFile parsed = parse(in);
            if (in.available() != 0) {
                throw new MalformedClassFileException("Trailing bytes after the class file");
            }
            return parsed;
        } catch (EOFException e) {
            throw new MalformedClassFileException("Truncated class file");
        } catch (UTFDataFormatException e) {
            throw new MalformedClassFileException("Malformed UTF-8 constant");
        } catch (IOException e) {
            throw new MalformedClassFileException("Unreadable class file: " + e.getMessage());
        }
    }

    private static ClassFile parse(DataInputStream in) throws IOException, MalformedClassFileException {
        if (in.readInt() != MAGIC) {
            throw new MalformedClassFileException("Not a class file (bad magic number)");
        }
        in.readUnsignedShort();
        int major = in.readUnsignedShort();
        if (major < OLDEST_MAJOR_VERSION) {
            throw new MalformedClassFileException("Unsupported class file version " + major);
        }
        ConstantPool pool = ConstantPool.read(in);
        int access = in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(pool.className(in.readUnsignedShort()));
        }
        int fieldCount = in.readUnsignedShort();
        for (int i = 0; i < fieldCount; i++) {
            in.readUnsignedShort();
            pool.utf8(in.readUnsignedShort());
            Descriptors.requireField(pool.utf8(in.readUnsignedShort()));
            skipAttributes(in, pool);
        }
        int methodCount = in.readUnsignedShort();
        List<MethodInfo> methods = new ArrayList<>(methodCount);
        for (int i = 0; i < methodCount; i++) {
            int methodAccess = in.readUnsignedShort();
            String methodName = pool.utf8(in.readUnsignedShort());
            String descriptor = Descriptors.requireMethod(pool.utf8(in.readUnsignedShort()));
            skipAttributes(in, pool);
            methods.add(new MethodInfo(methodAccess, methodName, descriptor));
        }
        skipAttributes(in, pool);
        return new ClassFile(access, name, superName, interfaces, methods);
    }

    private static void skipAttributes(DataInputStream in, ConstantPool pool)
            throws IOException, MalformedClassFileException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            pool.utf8(in.readUnsignedShort());
            long length = Integer.toUnsignedLong(in.readInt());
            in.skipNBytes(length);
        }
    }

    /** The constants the reader needs (UTF-8 strings and class references); the rest are checked and skipped. */
    private static final class ConstantPool {
        private final int[] tags;
        private final String[] strings;
        private final int[] classNameIndexes;

        private ConstantPool(int size) {
            tags = new int[size];
            strings = new String[size];
            classNameIndexes = new int[size];
        }

        static ConstantPool read(DataInputStream in) throws IOException, MalformedClassFileException {
            int count = in.readUnsignedShort();
            if (count == 0) {
                throw new MalformedClassFileException("Empty constant pool count");
            }
            ConstantPool pool = new ConstantPool(count);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                pool.tags[i] = tag;
                switch (tag) {
                    case UTF8 -> pool.strings[i] = in.readUTF();
                    case CLASS -> pool.classNameIndexes[i] = in.readUnsignedShort();
                    case STRING, METHOD_TYPE, MODULE, PACKAGE -> in.skipNBytes(2);
                    case METHOD_HANDLE -> in.skipNBytes(3);
                    case INTEGER,
                            FLOAT,
                            FIELD_REF,
                            METHOD_REF,
                            INTERFACE_METHOD_REF,
                            NAME_AND_TYPE,
                            DYNAMIC,
                            INVOKE_DYNAMIC -> in.skipNBytes(4);
                    case LONG, DOUBLE -> {
                        in.skipNBytes(8);
                        i++;
                        if (i >= count) {
                            throw new MalformedClassFileException("8-byte constant overflows the constant pool");
                        }
                    }
                    default -> throw new MalformedClassFileException("Unknown constant tag " + tag + " at " + i);
                }
            }
            for (int i = 1; i < count; i++) {
                if (pool.tags[i] == CLASS) {
                    pool.utf8(pool.classNameIndexes[i]);
                }
            }
            return pool;
        }

        String utf8(int index) throws MalformedClassFileException {
            return strings[require(index, UTF8)];
        }

        String className(int index) throws MalformedClassFileException {
            String name = utf8(classNameIndexes[require(index, CLASS)]);
            if (name.isEmpty()) {
                throw new MalformedClassFileException("Empty class name at constant " + index);
            }
            return name;
        }

        private int require(int index, int tag) throws MalformedClassFileException {
            if (index <= 0 || index >= tags.length || tags[index] != tag) {
                throw new MalformedClassFileException("Constant " + index + " is not of tag " + tag);
            }
            return index;
        }
    }
}
