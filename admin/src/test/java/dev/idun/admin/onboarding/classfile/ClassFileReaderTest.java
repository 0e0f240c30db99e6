package dev.idun.admin.onboarding.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.idun.admin.onboarding.CompiledSources;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileReaderTest {
    @TempDir
    static Path dir;

    static Path classes;

    @BeforeAll
    static void compile() {
        classes = CompiledSources.compile(
                dir.resolve("classes"),
                Map.of(
                        "dev.idun.engine.agent.Agent", CompiledSources.AGENT_SPI,
                        "org.bsc.langgraph4j.StateGraph", CompiledSources.STATE_GRAPH,
                        "com.acme.SupportAgent", """
                        package com.acme;
                        public class SupportAgent extends Base implements dev.idun.engine.agent.Agent, Runnable {
                            static final long BIG = 1234567890123L;
                            static final double RATIO = 0.5;
                            private final String greeting = "hello";
                            public String name() { return greeting + BIG + RATIO; }
                            public void run() { Runnable r = () -> System.out.println(name()); r.run(); }
                            public static org.bsc.langgraph4j.StateGraph<String> build() { return null; }
                            int[][] grid(long a, String[] b) { return null; }
                            public class Inner {}
                        }
                        """,
                        "com.acme.Base",
                                "package com.acme; public abstract class Base { public abstract String name(); }",
                        "com.acme.Marker", "package com.acme; public @interface Marker {}",
                        "com.acme.Color", "package com.acme; public enum Color { RED }"));
    }

    static byte[] bytesOf(String className) {
        return CompiledSources.classBytes(classes, className);
    }

    @Test
    void reads_names_super_class_and_interfaces_of_a_compiled_class() throws Exception {
        ClassFile type = ClassFileReader.read(bytesOf("com.acme.SupportAgent"));

        assertThat(type.name()).isEqualTo("com/acme/SupportAgent");
        assertThat(type.binaryName()).isEqualTo("com.acme.SupportAgent");
        assertThat(type.simpleName()).isEqualTo("SupportAgent");
        assertThat(type.superName()).isEqualTo("com/acme/Base");
        assertThat(type.interfaces()).containsExactly("dev/idun/engine/agent/Agent", "java/lang/Runnable");
        assertThat(type.isPublic()).isTrue();
        assertThat(type.isConcreteClass()).isTrue();
    }

    @Test
    void reads_methods_with_their_descriptors_and_flags() throws Exception {
        ClassFile type = ClassFileReader.read(bytesOf("com.acme.SupportAgent"));

        assertThat(type.methods())
                .extracting(MethodInfo::name, MethodInfo::descriptor)
                .contains(
                        tuple("name", "()Ljava/lang/String;"),
                        tuple("build", "()Lorg/bsc/langgraph4j/StateGraph;"),
                        tuple("grid", "(J[Ljava/lang/String;)[[I"));
        MethodInfo build = type.methods().stream()
                .filter(m -> m.name().equals("build"))
                .findFirst()
                .orElseThrow();
        assertThat(build.isPublic()).isTrue();
        assertThat(build.isStatic()).isTrue();
        assertThat(build.takesNoParameters()).isTrue();
        assertThat(build.returnDescriptor()).isEqualTo("Lorg/bsc/langgraph4j/StateGraph;");
        MethodInfo grid = type.methods().stream()
                .filter(m -> m.name().equals("grid"))
                .findFirst()
                .orElseThrow();
        assertThat(grid.isPublic()).isFalse();
        assertThat(grid.takesNoParameters()).isFalse();
    }

    @Test
    void tells_abstract_classes_interfaces_annotations_and_enums_from_concrete_classes() throws Exception {
        assertThat(ClassFileReader.read(bytesOf("com.acme.Base")).isAbstract()).isTrue();
        assertThat(ClassFileReader.read(bytesOf("com.acme.Base")).isConcreteClass())
                .isFalse();
        ClassFile agent = ClassFileReader.read(bytesOf("dev.idun.engine.agent.Agent"));
        assertThat(agent.isInterface()).isTrue();
        assertThat(agent.isConcreteClass()).isFalse();
        assertThat(ClassFileReader.read(bytesOf("com.acme.Marker")).isConcreteClass())
                .isFalse();
        assertThat(ClassFileReader.read(bytesOf("com.acme.Color")).isEnum()).isTrue();
        assertThat(ClassFileReader.read(bytesOf("com.acme.Color")).isConcreteClass())
                .isFalse();
    }

    @Test
    void names_a_nested_class_by_its_own_simple_name() throws Exception {
        ClassFile inner = ClassFileReader.read(bytesOf("com.acme.SupportAgent$Inner"));

        assertThat(inner.binaryName()).isEqualTo("com.acme.SupportAgent$Inner");
        assertThat(inner.simpleName()).isEqualTo("Inner");
    }

    @Test
    void reads_java_lang_object_style_classes_without_a_super_class() throws Exception {
        ClassFile agent = ClassFileReader.read(bytesOf("dev.idun.engine.agent.Agent"));

        assertThat(agent.superName()).isEqualTo("java/lang/Object");
        assertThat(agent.interfaces()).isEmpty();
    }

    @Test
    void rejects_bytes_without_the_class_file_magic() {
        byte[] bytes = bytesOf("com.acme.SupportAgent");
        bytes[0] = 0x50;

        assertThatThrownBy(() -> ClassFileReader.read(bytes))
                .isInstanceOf(MalformedClassFileException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void rejects_empty_input() {
        assertThatThrownBy(() -> ClassFileReader.read(new byte[0]))
                .isInstanceOf(MalformedClassFileException.class)
                .hasMessageContaining("Truncated");
    }

    @Test
    void rejects_every_truncation_of_a_real_class_file() {
        byte[] bytes = bytesOf("com.acme.SupportAgent");

        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThat(catchThrowable(() -> ClassFileReader.read(prefix)))
                    .as("prefix of %d bytes", length)
                    .isInstanceOf(MalformedClassFileException.class);
        }
    }

    @Test
    void rejects_trailing_bytes_after_the_class_file() {
        byte[] bytes = bytesOf("com.acme.Base");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

        assertThatThrownBy(() -> ClassFileReader.read(longer))
                .isInstanceOf(MalformedClassFileException.class)
                .hasMessageContaining("Trailing");
    }

    @Test
    void rejects_an_unknown_constant_pool_tag() {
        byte[] bytes = bytesOf("com.acme.Base");
        bytes[10] = 2;

        assertThatThrownBy(() -> ClassFileReader.read(bytes))
                .isInstanceOf(MalformedClassFileException.class)
                .hasMessageContaining("Unknown constant tag 2");
    }

    @Test
    void rejects_a_this_class_index_that_points_outside_the_constant_pool() {
        byte[] bytes = bytesOf("com.acme.Base");
        int thisClassOffset = afterConstantPool(bytes) + 2;
        bytes[thisClassOffset] = (byte) 0xFF;
        bytes[thisClassOffset + 1] = (byte) 0xFF;

        assertThatThrownBy(() -> ClassFileReader.read(bytes))
                .isInstanceOf(MalformedClassFileException.class)
                .hasMessageContaining("Constant 65535");
    }

    @Test
    void rejects_a_class_file_version_older_than_java_1() {
        byte[] bytes = bytesOf("com.acme.Base");
        bytes[6] = 0;
        bytes[7] = 44;

        assertThatThrownBy(() -> ClassFileReader.read(bytes))
                .isInstanceOf(MalformedClassFileException.class)
                .hasMessageContaining("version 44");
    }

    @Test
    void never_fails_with_anything_but_a_malformed_class_file_on_corrupted_bytes() {
        byte[] original = bytesOf("com.acme.SupportAgent");
        Random random = new Random(42);
        int parsed = 0;
        int rejected = 0;

        for (int round = 0; round < 2000; round++) {
            byte[] corrupted = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                corrupted[8 + random.nextInt(corrupted.length - 8)] = (byte) random.nextInt(256);
            }
            Throwable thrown = catchThrowable(() -> ClassFileReader.read(corrupted));
            if (thrown == null) {
                parsed++;
            } else {
                assertThat(thrown).as("round %d", round).isInstanceOf(MalformedClassFileException.class);
                rejected++;
            }
        }
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }

    /** The offset of the access flags: walks the constant pool of a well-formed class file. */
    private static int afterConstantPool(byte[] bytes) {
        int count = ((bytes[8] & 0xFF) << 8) | (bytes[9] & 0xFF);
        int at = 10;
        for (int i = 1; i < count; i++) {
            int tag = bytes[at] & 0xFF;
            switch (tag) {
                case 1 -> at += 3 + (((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF));
                case 7, 8, 16, 19, 20 -> at += 3;
                case 15 -> at += 4;
                case 5, 6 -> {
                    at += 9;
                    i++;
                }
                default -> at += 5;
            }
        }
        return at;
    }
}
