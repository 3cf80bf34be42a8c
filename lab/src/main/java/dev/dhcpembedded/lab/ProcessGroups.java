package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Process-group bookkeeping. Lab processes are started under {@code setsid}, so a client and
 * anything it forks (dhcpcd's privilege-separation helpers outlive it) share one group that can be
 * signalled as a whole. A group is only signalled when its id is the process's own pid, so the
 * JVM's own group can never be hit.
 */
final class ProcessGroups {

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private ProcessGroups() {
    }

    /** The process group id of a live process, from /proc. */
    static OptionalLong pgid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) state ppid pgrp ..." where comm may itself contain spaces or parentheses
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(rest[2]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** True when {@code pid} leads its own process group (so the group may be signalled). */
    static boolean leadsOwnGroup(long pid) {
        OptionalLong g = pgid(pid);
        return g.isPresent() && g.getAsLong() == pid && pid != ProcessHandle.current().pid()
                && pgid(ProcessHandle.current().pid()).orElse(-1) != pid;
    }

    /** Sends {@code signal} to every process of group {@code pgid}. Returns false if none was there. */
    static boolean signalGroup(long pgid, Signal signal) {
        if (pgid <= 1 || pgid(ProcessHandle.current().pid()).orElse(-1) == pgid) {
            return false;
        }
        return Commands.run(KILL_TIMEOUT, "kill", "-s", signal.name(), "--", "-" + pgid).ok();
    }

    /** Sends {@code signal} to one process. */
    static boolean signal(long pid, Signal signal) {
        if (pid <= 1 || pid == ProcessHandle.current().pid()) {
            return false;
        }
        return Commands.run(KILL_TIMEOUT, "kill", "-s", signal.name(), Long.toString(pid)).ok();
    }
}
