package dev.idun.server;

import dev.idun.admin.onboarding.CompiledSources;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles user agent sources against the server's classpath at test time and packages them as jars. */
final class AgentJars {
    private AgentJars() {}

    /**
     * Compiles {@code sources} (class name to source) and writes them as the jar {@code jarFile}, replacing an
     * existing jar in one rename, as a deployment would.
     */
    static Path build(Path jarFile, Map<String, String> sources) {
        try {
            Path classes = Files.createTempDirectory(jarFile.getParent(), "classes");
            compile(classes, sources);
            Path staged = CompiledSources.jar(
                    classes.resolve("staged.jar"), classes, sources.keySet().toArray(String[]::new));
            return Files.move(staged, jarFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(Path outDir, Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, text) -> units.add(new Source(className, text)));
        StringWriter diagnostics = new StringWriter();
        List<String> options =
                List.of("-d", outDir.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none");
        if (!compiler.getTask(diagnostics, null, null, options, null, units).call()) {
            throw new IllegalStateException("Agent sources do not compile: " + diagnostics);
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
