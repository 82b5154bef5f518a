package io.recouvra.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL of a run that was killed (kill -9, a crash, a closed terminal) outlives it: it keeps its data
 * directory locked, so the next run's server cannot start there and its start-up times out. Its {@code postmaster.pid}
 * names it; when that process is still a live PostgreSQL server on the same directory, it is stopped before a new one
 * starts. A stale file (the server is gone, say after a reboot) is left to PostgreSQL, which ignores it.
 */
final class OrphanedPostgres {

    /** How long a smart shutdown may take: the killed run's connections are gone, so it is seconds at most. */
    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    private OrphanedPostgres() {
    }

    /** Stops the server left running on this data directory, if any; answers its process id when there was one. */
    static Optional<Long> stopIn(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !sameDirectory(Path.of(lines.get(1).trim()), dataDirectory)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(OrphanedPostgres::isPostgres);
        if (server.isEmpty()) {
            return Optional.empty();
        }
        // SIGTERM: PostgreSQL's smart shutdown, a clean checkpoint with nothing lost
        server.get().destroy();
        try {
            server.get().onExit().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the embedded PostgreSQL left running (pid " + pid + ")", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The embedded PostgreSQL left running on " + dataDirectory + " (pid " + pid
                    + ") did not stop; stop it by hand, then start Recouvra again", e);
        }
        return Optional.of(pid);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path recorded, Path dataDirectory) throws IOException {
        return Files.exists(recorded) && Files.isSameFile(recorded, dataDirectory);
    }
}
