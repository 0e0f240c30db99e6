package dev.idun.admin.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles small Java sources into class files at test time and packages them into jars. */
public final class CompiledSources {
    /** A stand-in for the engine's Agent SPI: the scanner only matches its name. */
    public static final String AGENT_SPI = "package dev.idun.engine.agent; public interface Agent { String name(); }";

    public static final String STATE_GRAPH = "package org.bsc.langgraph4j; public class StateGraph<S> {}";
    public static final String COMPILED_GRAPH = "package org.bsc.langgraph4j; public class CompiledGraph<S> {}";

    private CompiledSources() {}

    /** Compiles {@code sources} (fully qualified class name to source text) into {@code outDir}. */
    public static Path compile(Path outDir, Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, text) -> units.add(new Source(className, text)));
        StringWriter diagnostics = new StringWriter();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = List.of("-d", outDir.toString(), "-classpath", outDir.toString(), "-proc:none");
        boolean ok =
                compiler.getTask(diagnostics, null, null, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("Test sources do not compile: " + diagnostics);
        }
        return outDir;
    }

    /** The compiled bytes of one class of {@code classesDir}. */
    public static byte[] classBytes(Path classesDir, String className) {
        return read(classesDir.resolve(className.replace('.', '/') + ".class"));
    }

    /** Writes a jar of the given classes (with their nested classes) from {@code classesDir}. */
    public static Path jar(Path jarFile, Path classesDir, String... classNames) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        classFiles(classesDir, classNames).forEach((entry, path) -> entries.put(entry, read(path)));
        return jarOf(jarFile, entries);
    }

    /** Writes a jar with exactly the given entries (name to bytes). */
    public static Path jarOf(Path jarFile, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(jarFile.getParent());
            try (OutputStream file = Files.newOutputStream(jarFile);
                    JarOutputStream jar = new JarOutputStream(file)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    jar.putNextEntry(new JarEntry(entry.getKey()));
                    jar.write(entry.getValue());
                    jar.closeEntry();
                }
            }
            return jarFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the given classes (with their nested classes) of {@code classesDir} into {@code target}. */
    public static Path copyClasses(Path classesDir, Path target, String... classNames) {
        try {
            for (Map.Entry<String, Path> file :
                    classFiles(classesDir, classNames).entrySet()) {
                Path copy = target.resolve(file.getKey());
                Files.createDirectories(copy.getParent());
                Files.copy(file.getValue(), copy);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entry name (POSIX, relative to {@code classesDir}) to file, for the classes and their nested classes. */
    private static Map<String, Path> classFiles(Path classesDir, String... classNames) {
        Map<String, Path> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classesDir.relativize(path).toString().replace('\\', '/');
                for (String className : classNames) {
                    String prefix = className.replace('.', '/');
                    if (entry.equals(prefix + ".class") || entry.startsWith(prefix + "$")) {
                        found.put(entry, path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
