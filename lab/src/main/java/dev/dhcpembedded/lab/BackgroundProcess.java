package dev.dhcpembedded.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A long-running command inside a lab (a DHCP client, tshark, a stand-in server). It runs in its own
 * session and process group; its output goes to files, so it never blocks on a full pipe and can be
 * read at any time. {@link #close()} stops it and everything it forked.
 */
public final class BackgroundProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final List<String> command;
    private final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;

    BackgroundProcess(List<String> command, Process process, Path stdoutFile, Path stderrFile) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    /** Starts {@code command} in a new session ({@code setsid}), its output going to files in {@code dir}. */
    static BackgroundProcess start(List<String> command, Path dir, String label) {
        try {
            Path out = Files.createTempFile(dir, label + "-", ".out");
            Path err = Files.createTempFile(dir, label + "-", ".err");
            List<String> full = new java.util.ArrayList<>();
            full.add("setsid");
            full.addAll(command);
            Process p = new ProcessBuilder(full)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return new BackgroundProcess(command, p, out, err);
        } catch (IOException e) {
            throw new LabException("cannot start `" + String.join(" ", command) + "`: " + e.getMessage(), e);
        }
    }

    public List<String> command() {
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once it has exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Waits up to {@code timeout} for it to exit by itself; returns its exit code if it did. */
    public OptionalInt waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }

    /** Sends {@code signal} to the process itself (e.g. USR1 makes udhcpc renew, USR2 release). */
    public boolean signal(Signal signal) {
        return process.isAlive() && ProcessGroups.signal(process.pid(), signal);
    }

    /**
     * Stops the process and its whole group: SIGTERM, then SIGKILL after {@code grace}. Returns the
     * exit code of the main process (for a client killed by SIGTERM that is usually 143).
     */
    public int stop(Duration grace) {
        long pid = process.pid();
        boolean group = ProcessGroups.leadsOwnGroup(pid) || !process.isAlive();
        if (process.isAlive()) {
            signal(Signal.TERM);
        }
        OptionalInt code = waitFor(grace);
        if (code.isEmpty()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            code = waitFor(Duration.ofSeconds(5));
        }
        if (group) {
            // helpers that outlived the main process (dhcpcd's privsep proxies) are still in its group
            ProcessGroups.signalGroup(pid, Signal.KILL);
        }
        return code.orElse(-1);
    }

    /** Kills it at once (SIGKILL to the group). */
    public void kill() {
        stop(Duration.ZERO);
    }

    /** Everything written to stdout so far. */
    public String stdout() {
        return read(stdoutFile);
    }

    /** Everything written to stderr so far. */
    public String stderr() {
        return read(stderrFile);
    }

    /** stdout and stderr so far, stdout first. */
    public String output() {
        return stdout() + stderr();
    }

    public List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    /**
     * Waits up to {@code timeout} for a line of stdout or stderr that matches; returns it, or empty
     * when the time ran out or the process exited without printing one.
     */
    public Optional<String> awaitLine(Predicate<String> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean aliveBefore = process.isAlive();
            Optional<String> hit = output().lines().filter(matches).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
            if (!aliveBefore || System.nanoTime() - deadline > 0) {
                return Optional.empty();
            }
            sleep(POLL);
        }
    }

    /** Waits for a line containing {@code text}. */
    public Optional<String> awaitLineContaining(String text, Duration timeout) {
        return awaitLine(l -> l.contains(text), timeout);
    }

    /** Stops it with a 3 second grace period. Never throws. */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "BackgroundProcess[pid=" + process.pid() + ", " + String.join(" ", command) + "]";
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
