package dev.dhcpembedded.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cleans up after labs: a JVM shutdown hook closes labs a test left open (an interrupted run), and the
 * first lab of a JVM removes namespaces left by earlier JVMs that died without cleaning up
 * ({@code kill -9}), recognised by the dead pid in their name.
 */
final class LabJanitor {

    /** Lab namespace names: {@code dhe-<pid base 36>-<counter base 36>}. */
    static final Pattern LAB_NAME = Pattern.compile("dhe-([0-9a-z]+)-([0-9a-z]+)");

    private static final Set<HostLab> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final AtomicBoolean REAPED = new AtomicBoolean();
    private static final System.Logger LOG = System.getLogger(LabJanitor.class.getName());

    private LabJanitor() {
    }

    static void opened(HostLab lab) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(LabJanitor::closeAll, "dhcp-embedded-lab-cleanup"));
        }
        OPEN.add(lab);
    }

    static void closed(HostLab lab) {
        OPEN.remove(lab);
    }

    private static void closeAll() {
        for (HostLab lab : OPEN.toArray(HostLab[]::new)) {
            lab.close();
        }
    }

    /** Once per JVM: deletes lab namespaces whose creating process is gone. */
    static void reapStaleOnce() {
        if (!REAPED.compareAndSet(false, true)) {
            return;
        }
        CommandResult list = Commands.run(Duration.ofSeconds(10), "ip", "netns", "list");
        for (String line : list.stdout().lines().toList()) {
            String name = line.strip().split("\\s+")[0];
            Matcher m = LAB_NAME.matcher(name);
            if (!m.matches()) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(m.group(1), 36);
            } catch (NumberFormatException e) {
                continue;
            }
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                LOG.log(System.Logger.Level.INFO, "removing stale test lab namespace {0} (pid {1} is gone)", name, pid);
                killProcessesIn(name);
                Commands.run(Duration.ofSeconds(10), "ip", "netns", "del", name);
                deleteTree(Path.of("/etc/netns", name));
            }
        }
    }

    /** SIGKILLs every process whose network namespace is {@code ns}. */
    static void killProcessesIn(String ns) {
        CommandResult pids = Commands.run(Duration.ofSeconds(10), "ip", "netns", "pids", ns);
        for (String p : pids.stdout().split("\\s+")) {
            if (!p.isBlank()) {
                try {
                    ProcessGroups.signal(Long.parseLong(p.strip()), Signal.KILL);
                } catch (NumberFormatException ignored) {
                    // not a pid
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
