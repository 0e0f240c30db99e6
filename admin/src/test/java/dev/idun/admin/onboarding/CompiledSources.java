package dev.idun.admin.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        try {
            return Files.readAllBytes(classesDir.resolve(className.replace('.', '/') + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a jar of the given classes (with their nested classes) from {@code classesDir}. */
    public static Path jar(Path jarFile, Path classesDir, String... classNames) {
        try {
            Files.createDirectories(jarFile.getParent());
            try (OutputStream file = Files.newOutputStream(jarFile);
                    JarOutputStream jar = new JarOutputStream(file)) {
                for (String className : classNames) {
                    String prefix = className.replace('.', '/');
                    try (Stream<Path> files = Files.walk(classesDir)) {
                        for (Path path : files.filter(Files::isRegularFile).toList()) {
                            String entry =
                                    classesDir.relativize(path).toString().replace('\\', '/');
                            if (entry.equals(prefix + ".class") || entry.startsWith(prefix + "$")) {
                                jar.putNextEntry(new JarEntry(entry));
                                jar.write(Files.readAllBytes(path));
                                jar.closeEntry();
                            }
                        }
                    }
                }
            }
            return jarFile;
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
