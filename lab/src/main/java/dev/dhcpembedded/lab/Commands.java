package dev.dhcpembedded.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a short command to completion with a deadline. Never leaves the process behind. */
final class Commands {

    private Commands() {
    }

    static CommandResult run(Duration timeout, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new CommandResult(command, 127, "", "cannot start: " + e.getMessage(), false);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            if (ProcessGroups.leadsOwnGroup(process.pid())) {
                ProcessGroups.signalGroup(process.pid(), Signal.KILL);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int code = finished ? process.exitValue() : -1;
        return new CommandResult(command, code, collect(out), collect(err), !finished);
    }

    static CommandResult run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    private static CompletableFuture<String> drain(InputStream in) {
        // a daemon thread per stream: a leaked grandchild holding the pipe must not pin a pool thread
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread t = new Thread(task, "netns-cmd-drain");
            t.setDaemon(true);
            t.start();
        });
    }

    private static String collect(CompletableFuture<String> f) {
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            // a grandchild still holds the pipe open: give up on the rest of the output
            return "";
        }
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }
}
