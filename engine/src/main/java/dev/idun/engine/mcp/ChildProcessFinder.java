package dev.idun.engine.mcp;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Finds the process a stdio transport starts (the MCP SDK keeps it private), so that closing a connection can make
 * sure the process and its children are gone even when the server ignores the polite request. Starts go one at a
 * time, and the new child of this JVM whose executable matches the command is the one. Thread-safe.
 */
final class ChildProcessFinder {
    private final Semaphore starting = new Semaphore(1);

    /** {@code connect} with {@code found} told the process it started, when it can be told apart. */
    Mono<Void> around(Mono<Void> connect, String command, Consumer<ProcessHandle> found) {
        return Mono.defer(() -> {
            starting.acquireUninterruptibly();
            Set<Long> before = childPids();
            return connect.doFinally(signal -> {
                try {
                    List<ProcessHandle> started = ProcessHandle.current()
                            .children()
                            .filter(child -> !before.contains(child.pid()))
                            .toList();
                    List<ProcessHandle> matching =
                            started.stream().filter(p -> runs(p, command)).toList();
                    if (matching.size() == 1) {
                        found.accept(matching.get(0));
                    } else if (started.size() == 1) {
                        found.accept(started.get(0));
                    }
                } finally {
                    starting.release();
                }
            });
        });
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean runs(ProcessHandle process, String command) {
        String wanted = fileName(command);
        return process.info()
                .command()
                .map(ChildProcessFinder::fileName)
                .filter(wanted::equals)
                .isPresent();
    }

    private static String fileName(String command) {
        try {
            Path name = Path.of(command).getFileName();
            return name == null ? command : name.toString();
        } catch (RuntimeException e) {
            return command;
        }
    }
}
