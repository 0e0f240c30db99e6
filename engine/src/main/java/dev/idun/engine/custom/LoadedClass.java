package dev.idun.engine.custom;

import dev.idun.engine.runtime.RuntimeBuildException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;

/**
 * A user class and the class loader it came from: a fresh loader over its jar or class directory (closed with {@link #close()}, so a
 * reload can load a new version of the same jar) or the server's own loader (left open).
 */
public final class LoadedClass implements AutoCloseable {
    private final Class<?> type;
    private final URLClassLoader ownLoader;

    private LoadedClass(Class<?> type, URLClassLoader ownLoader) {
        this.type = type;
        this.ownLoader = ownLoader;
    }

    /** Loads {@code ref}; a jar is opened in a new loader whose parent is {@code parent}. */
    public static LoadedClass load(ClassRef ref, ClassLoader parent) throws RuntimeBuildException {
        if (ref.jar() == null) {
            return new LoadedClass(loadFrom(ref, parent), null);
        }
        if (!Files.isRegularFile(ref.jar()) && !Files.isDirectory(ref.jar())) {
            throw new RuntimeBuildException("Jar " + ref.jar() + " does not exist (nor a class directory there).");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(
                    "idun-user-" + ref.jar().getFileName(),
                    new URL[] {ref.jar().toUri().toURL()},
                    parent);
        } catch (MalformedURLException e) {
            throw new RuntimeBuildException("Jar path " + ref.jar() + " is not usable: " + e.getMessage(), e);
        }
        try {
            return new LoadedClass(loadFrom(ref, loader), loader);
        } catch (RuntimeBuildException | RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    private static Class<?> loadFrom(ClassRef ref, ClassLoader loader) throws RuntimeBuildException {
        try {
            return Class.forName(ref.className(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new RuntimeBuildException(
                    "Class " + ref.className() + " was not found in "
                            + (ref.jar() == null ? "the server's classpath" : ref.jar()) + ".",
                    e);
        } catch (LinkageError e) {
            throw new RuntimeBuildException("Class " + ref.className() + " could not be loaded: " + e, e);
        }
    }

    public Class<?> type() {
        return type;
    }

    public ClassLoader loader() {
        return type.getClassLoader();
    }

    @Override
    public void close() {
        if (ownLoader != null) {
            closeQuietly(ownLoader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // The jar file handle is released on a best-effort basis; nothing else depends on it.
        }
    }
}
