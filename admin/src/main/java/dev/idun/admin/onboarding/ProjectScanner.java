package dev.idun.admin.onboarding;

import dev.idun.admin.onboarding.classfile.ClassFile;
import dev.idun.admin.onboarding.classfile.ClassFileReader;
import dev.idun.admin.onboarding.classfile.MalformedClassFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks for agent candidates in the jars and build output directories ({@code target/classes},
 * {@code build/classes/java/main}) under a project root, reading class files as bytes: no user class is loaded or
 * run. Directories deeper than {@link #MAX_DEPTH} below the root, {@code .git}, {@code node_modules} and dot
 * directories are not entered; symbolic links are never followed; files over {@link #MAX_FILE_BYTES} and unreadable
 * or malformed files are skipped, so a scan never fails. Stateless and thread-safe.
 */
public final class ProjectScanner {
    static final int MAX_DEPTH = 4;
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    private static final int MAX_CLASSES_PER_ARTIFACT = 100_000;
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Comparator<DetectedAgent> ORDER = Comparator.comparing(DetectedAgent::location)
            .thenComparing(DetectedAgent::className)
            .thenComparing(agent -> Objects.requireNonNullElse(agent.method(), ""));

    private final Path workingDirectory;

    /** Definitions name artifacts under {@code workingDirectory} relative to it, others by absolute path. */
    public ProjectScanner(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public ScanResult scan(Path root) {
        long started = System.nanoTime();
        Path base = root.toAbsolutePath().normalize();
        List<Artifact> artifacts = findArtifacts(base);
        Map<String, DetectedAgent> byTarget = new LinkedHashMap<>();
        for (Artifact artifact : artifacts) {
            List<ClassFile> classes = artifact.jar() ? readJar(artifact.path()) : readClassesDir(artifact.path());
            for (DetectedAgent agent :
                    AgentCandidates.find(location(base, artifact), definitionPath(artifact), classes)) {
                byTarget.putIfAbsent(agent.type() + " " + agent.className() + " " + agent.method(), agent);
            }
        }
        List<DetectedAgent> detected = new ArrayList<>(byTarget.values());
        detected.sort(ORDER);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ScanResult(base.toString(), detected, !artifacts.isEmpty(), millis);
    }

    /** Jars first, then classes directories, each by path: the same class in both is reported from the jar. */
    private List<Artifact> findArtifacts(Path root) {
        List<Artifact> found = new ArrayList<>();
        if (!Files.isDirectory(root, NO_FOLLOW)) {
            return found;
        }
        try {
            Files.walkFileTree(root, new ArtifactFinder(root, found));
        } catch (IOException | RuntimeException e) {
            return found;
        }
        found.sort(Comparator.comparing((Artifact a) -> !a.jar()).thenComparing(Artifact::path));
        return found;
    }

    private String location(Path root, Artifact artifact) {
        String relative = posix(root.relativize(artifact.path()));
        return relative.isEmpty() ? "." : relative;
    }

    private String definitionPath(Artifact artifact) {
        return artifact.path().startsWith(workingDirectory)
                ? posix(workingDirectory.relativize(artifact.path()))
                : posix(artifact.path());
    }

    private static String posix(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static List<ClassFile> readJar(Path jar) {
        List<ClassFile> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && classes.size() < MAX_CLASSES_PER_ARTIFACT) {
                ZipEntry entry = entries.nextElement();
                if (!isClassEntry(entry.getName()) || entry.isDirectory() || entry.getSize() > MAX_FILE_BYTES) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    parse(in.readNBytes((int) MAX_FILE_BYTES + 1), entry.getName())
                            .ifPresent(classes::add);
                } catch (IOException | RuntimeException e) {
                    // an unreadable entry is skipped, the rest of the jar still counts
                }
            }
        } catch (IOException | RuntimeException e) {
            return classes;
        }
        return classes;
    }

    private static boolean isClassEntry(String name) {
        return name.endsWith(".class")
                && !name.startsWith("META-INF/")
                && !name.endsWith("module-info.class")
                && !name.endsWith("package-info.class");
    }

    private static List<ClassFile> readClassesDir(Path dir) {
        List<ClassFile> classes = new ArrayList<>();
        FileVisitor<Path> reader = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (classes.size() >= MAX_CLASSES_PER_ARTIFACT) {
                    return FileVisitResult.TERMINATE;
                }
                String name = posix(dir.relativize(file));
                if (attrs.isRegularFile() && attrs.size() <= MAX_FILE_BYTES && isClassEntry(name)) {
                    try {
                        parse(Files.readAllBytes(file), name).ifPresent(classes::add);
                    } catch (IOException | RuntimeException e) {
                        // an unreadable file is skipped
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(dir, reader);
        } catch (IOException | RuntimeException e) {
            return classes;
        }
        return classes;
    }

    /** A class whose name does not match where it lies could not be loaded from there, so it does not count. */
    private static Optional<ClassFile> parse(byte[] bytes, String entryName) {
        if (bytes.length > MAX_FILE_BYTES) {
            return Optional.empty();
        }
        try {
            ClassFile parsed = ClassFileReader.read(bytes);
            return (parsed.name() + ".class").equals(entryName) ? Optional.of(parsed) : Optional.empty();
        } catch (MalformedClassFileException e) {
            return Optional.empty();
        }
    }

    private record Artifact(Path path, boolean jar) {}

    /** Walks the project for jars and probes {@code target} and {@code build} directories for compiled classes. */
    private static final class ArtifactFinder extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Artifact> found;

        ArtifactFinder(Path root, List<Artifact> found) {
            this.root = root;
            this.found = found;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                probe(dir);
                return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            String parent = dir.getParent().getFileName() == null
                    ? ""
                    : dir.getParent().getFileName().toString();
            if (root.relativize(dir).getNameCount() > MAX_DEPTH
                    || name.startsWith(".")
                    || name.equals("node_modules")
                    || isBuildOutput(parent, name)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            probe(dir);
            return FileVisitResult.CONTINUE;
        }

        /** Compiled classes are found by probing, so the walk need not enter them. */
        private static boolean isBuildOutput(String parent, String name) {
            return (parent.equals("target") && (name.equals("classes") || name.equals("test-classes")))
                    || (parent.equals("build") && name.equals("classes"));
        }

        private void probe(Path dir) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (name.equals("target")) {
                addIfDirectory(dir, "classes");
            } else if (name.equals("build")) {
                addIfDirectory(dir, "classes", "java", "main");
            }
        }

        private void addIfDirectory(Path dir, String... parts) {
            Path at = dir;
            for (String part : parts) {
                at = at.resolve(part);
                if (!Files.isDirectory(at, NO_FOLLOW)) {
                    return;
                }
            }
            found.add(new Artifact(at, false));
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (attrs.isRegularFile() && name.endsWith(".jar") && attrs.size() <= MAX_FILE_BYTES) {
                found.add(new Artifact(file, true));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }
}
