package dev.dhcpembedded.lab;

import java.util.List;

/** What a finished (or timed-out) command printed and returned. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {

    public CommandResult {
        command = List.copyOf(command);
    }

    /** True when the command finished in time with exit code 0. */
    public boolean ok() {
        return !timedOut && exitCode == 0;
    }

    /** Returns this result, or throws {@link LabException} naming the command, exit code and stderr. */
    public CommandResult orThrow() {
        if (!ok()) {
            throw new LabException(describe());
        }
        return this;
    }

    /** One line: the command and how it ended. */
    public String describe() {
        String how = timedOut ? "timed out" : "exited " + exitCode;
        String err = stderr.isBlank() ? stdout.strip() : stderr.strip();
        return "`" + String.join(" ", command) + "` " + how + (err.isEmpty() ? "" : ": " + err);
    }
}
