package dev.dhcpembedded.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says whether this machine can run {@link HostLab}s and real DHCP clients, and if not, why, in one
 * sentence fit for a skipped test's reason.
 */
public final class RealHostSupport {

    /** Where binaries are looked for besides PATH (sbin is often missing from a non-root PATH). */
    static final List<String> EXTRA_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private static final AtomicLong PROBES = new AtomicLong();
    private static volatile Optional<String> cachedReason;

    private RealHostSupport() {
    }

    /**
     * Empty when network namespaces can be used here; otherwise why not (not Linux, not root, no
     * {@code ip} binary, or {@code ip netns add} fails). The probe runs once per JVM.
     */
    public static Optional<String> missingReason() {
        Optional<String> r = cachedReason;
        if (r == null) {
            synchronized (RealHostSupport.class) {
                r = cachedReason;
                if (r == null) {
                    r = probe();
                    cachedReason = r;
                }
            }
        }
        return r;
    }

    /** True when {@link #missingReason()} is empty. */
    public static boolean available() {
        return missingReason().isEmpty();
    }

    /**
     * Empty when {@code name} is an executable on PATH or in the sbin/bin directories; otherwise a
     * sentence saying it is missing and which Debian package provides it.
     */
    public static Optional<String> missingBinary(String name) {
        if (findBinary(name).isPresent()) {
            return Optional.empty();
        }
        String pkg = switch (name) {
            case "udhcpc" -> " (Debian package udhcpc or busybox-static)";
            case "busybox" -> " (Debian package busybox-static)";
            case "dhclient" -> " (Debian package isc-dhcp-client)";
            case "dhcpcd" -> " (Debian package dhcpcd-base)";
            case "tshark", "dumpcap" -> " (Debian package tshark)";
            case "ip" -> " (Debian package iproute2)";
            case "kea-dhcp4" -> " (Debian package kea-dhcp4-server)";
            case "docker" -> " (Debian package docker.io)";
            default -> "";
        };
        return Optional.of("`" + name + "` is not installed: not found on PATH or in " + String.join(", ", EXTRA_DIRS) + pkg + ".");
    }

    /** The absolute path of an executable called {@code name}, searching PATH then the sbin/bin directories. */
    public static Optional<Path> findBinary(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(EXTRA_DIRS);
        for (String d : dirs) {
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> probe() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.of("Network namespaces need Linux, but this is " + os + ".");
        }
        Optional<Path> ip = findBinary("ip");
        if (ip.isEmpty()) {
            return Optional.of("Network namespaces need the `ip` command (Debian package iproute2), which is not installed.");
        }
        if (findBinary("setsid").isEmpty()) {
            return Optional.of("Lab processes need the `setsid` command (Debian package util-linux), which is not installed.");
        }
        CommandResult id = Commands.run(Duration.ofSeconds(5), "id", "-u");
        if (id.ok() && !id.stdout().strip().equals("0")) {
            return Optional.of("Network namespaces need root, but tests run as uid " + id.stdout().strip() + ".");
        }
        String probe = "dhe-probe-" + ProcessHandle.current().pid() + "-" + PROBES.incrementAndGet();
        if (probe.length() > 30) {
            probe = probe.substring(0, 30);
        }
        List<String> add = new ArrayList<>(List.of(ip.get().toString(), "netns", "add", probe));
        CommandResult created = Commands.run(Duration.ofSeconds(10), add);
        if (!created.ok()) {
            String why = (created.stderr().isBlank() ? created.stdout() : created.stderr()).strip().replace('\n', ' ');
            return Optional.of("`ip netns add` fails here (" + why + "), so network namespaces cannot be used.");
        }
        try {
            CommandResult veth = Commands.run(Duration.ofSeconds(10), ip.get().toString(), "-n", probe,
                    "link", "add", "dhe-probe0", "type", "veth", "peer", "name", "dhe-probe1");
            if (!veth.ok()) {
                String why = (veth.stderr().isBlank() ? veth.stdout() : veth.stderr()).strip().replace('\n', ' ');
                return Optional.of("veth pairs cannot be created here (" + why + "), so test labs cannot be wired.");
            }
            return Optional.empty();
        } finally {
            Commands.run(Duration.ofSeconds(10), ip.get().toString(), "netns", "del", probe);
        }
    }
}
