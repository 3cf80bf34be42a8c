package dev.dhcpembedded.testcontainers;

import dev.dhcpembedded.lab.ClientCommands;
import dev.dhcpembedded.lab.DhclientCommand;
import dev.dhcpembedded.lab.Dhclient6Command;
import dev.dhcpembedded.lab.DhcpcdCommand;
import dev.dhcpembedded.lab.Dhcpcd6Command;
import dev.dhcpembedded.lab.UdhcpcCommand;
import dev.dhcpembedded.testcontainers.DhcpClientContainer.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a {@link DhcpClientContainer} runs: the client's command lines, built by the lab's {@link ClientCommands}
 * (the one place that knows each client's flags and files), the files they need, and the wrapper script that
 * prepares the interface (MAC, addresses, DAD) and starts the client.
 */
final class ClientLaunch {

    /** The log line the wrapper prints when the interface cannot be made ready; the client is not started. */
    static final String FAILED_MARKER = "DHCP-CONTAINER failed";
    /** How long the wrapper waits for the link-local address to pass DAD (v6 clients), in tenths of a second. */
    private static final int DAD_TENTHS = 150;

    private final Client client;
    String iface = "eth0";
    String mac;
    boolean setMacInside = true;
    boolean oneShot;
    Consumer<UdhcpcCommand> udhcpcShape = c -> { };
    Consumer<DhclientCommand> dhclientShape = c -> { };
    Consumer<DhcpcdCommand> dhcpcdShape = c -> { };
    Consumer<Dhclient6Command> dhclient6Shape = c -> { };
    Consumer<Dhcpcd6Command> dhcpcd6Shape = c -> { };

    /** What {@link #prepare(String)} built. */
    record Prepared(String stateDir, List<String> command, List<String> release, Map<String, byte[]> files,
                    boolean wantsAddress6, boolean wantsPrefix6) {
    }

    ClientLaunch(Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Builds the command lines in a temporary directory of the host, whose path is the client's state directory in
     * the container too; every file they need (the script included) is returned by that path.
     */
    Prepared prepare() {
        Path host;
        try {
            host = Files.createTempDirectory("dhcp-embedded-client");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the client's files", e);
        }
        try {
            Path script = host.resolve(client.script().resourceName());
            List<String> cmd;
            List<String> release = List.of();
            boolean address6 = false;
            boolean prefix6 = false;
            switch (client) {
                case UDHCPC -> {
                    UdhcpcCommand u = ClientCommands.udhcpc(iface, script);
                    if (oneShot) {
                        u.oneShot();
                    }
                    udhcpcShape.accept(u);
                    cmd = inContainer(u.build(), "udhcpc");
                }
                case DHCLIENT -> {
                    DhclientCommand d = ClientCommands.dhclient(iface, script, host);
                    if (oneShot) {
                        d.oneShot();
                    }
                    dhclientShape.accept(d);
                    cmd = inContainer(d.build(), "dhclient");
                    release = inContainer(d.releaseCommand(), "dhclient");
                }
                case DHCPCD -> {
                    DhcpcdCommand d = ClientCommands.dhcpcd(iface, script, host);
                    if (oneShot) {
                        d.oneShot();
                    }
                    dhcpcdShape.accept(d);
                    cmd = inContainer(d.build(), "dhcpcd");
                    release = inContainer(d.releaseCommand(), "dhcpcd");
                }
                case DHCLIENT6 -> {
                    Dhclient6Command d = ClientCommands.dhclient6(iface, script, host);
                    if (oneShot) {
                        d.oneShot();
                    }
                    dhclient6Shape.accept(d);
                    cmd = inContainer(d.build(), "dhclient");
                    release = inContainer(d.releaseCommand(), "dhclient");
                    address6 = true;
                    prefix6 = d.asksForPrefix();
                }
                case DHCPCD6 -> {
                    if (oneShot) {
                        throw new IllegalStateException("oneShot() is for udhcpc, dhclient and dhclient -6; dhcpcd -6 "
                                + "keeps running (read the lease with awaitLease6)");
                    }
                    // a DhcpNetwork sends no Router Advertisement: dhcpcd SOLICITs at once instead of waiting for one
                    Dhcpcd6Command d = ClientCommands.dhcpcd6(iface, script, host).conf("noipv6rs");
                    dhcpcd6Shape.accept(d);
                    cmd = inContainer(d.build(), "dhcpcd");
                    release = inContainer(d.releaseCommand(), "dhcpcd");
                    address6 = d.asksForAddress();
                    prefix6 = d.asksForPrefix();
                }
                default -> throw new IllegalStateException("unknown client " + client);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> list = Files.list(host)) {
                for (Path f : list.toList()) {
                    files.put(f.toString(), Files.readAllBytes(f));
                }
            }
            files.put(script.toString(), client.script().text().getBytes(StandardCharsets.UTF_8));
            return new Prepared(host.toString(), cmd, release, files, address6, prefix6);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the client's files: " + e.getMessage(), e);
        } finally {
            deleteTree(host);
        }
    }

    /** The host's binary path (from ClientCommands) becomes the bare name, found on the container's PATH. */
    private static List<String> inContainer(List<String> hostCommand, String binary) {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String arg : hostCommand) {
            String base = arg.substring(arg.lastIndexOf('/') + 1);
            if (!found && base.equals("busybox")) {
                continue;
            }
            if (!found && base.equals(binary)) {
                out.add(binary);
                found = true;
                continue;
            }
            out.add(arg);
        }
        return List.copyOf(out);
    }

    /**
     * The container's command: brings the interface up, gives it the asked MAC (with NET_ADMIN, which every engine
     * honours), drops the address the engine assigned in the client's family, waits for DAD (v6), prints
     * {@link DhcpClientContainer#READY_MARKER} with the MAC it has, and starts the client unless the MAC differs
     * from the one asked.
     */
    String wrapper(List<String> clientCommand, String pidFile) {
        List<String> lines = new ArrayList<>();
        lines.add("iface=" + quote(iface));
        lines.add("mac=" + quote(mac == null ? "" : mac));
        lines.add("fail() { echo \"" + FAILED_MARKER + " $*\"; exit 1; }");
        if (mac != null && setMacInside) {
            lines.add("[ \"$(cat /sys/class/net/$iface/address)\" = \"$mac\" ] || ip link set dev \"$iface\" address "
                    + "\"$mac\" || echo \"DHCP-CONTAINER cannot set the MAC: ip link set address exited $?\"");
        }
        lines.add("ip link set dev \"$iface\" up || fail \"cannot bring $iface up\"");
        if (client.ipv6()) {
            lines.add("ip -6 addr flush dev \"$iface\" scope global || fail \"cannot flush $iface's IPv6 addresses\"");
            lines.add("i=0; until ip -6 addr show dev \"$iface\" scope link | grep -q inet6 "
                    + "&& ! ip -6 addr show dev \"$iface\" | grep -q tentative; do");
            lines.add("  [ $i -lt " + DAD_TENTHS + " ] || fail \"no link-local IPv6 address on $iface past DAD within "
                    + DAD_TENTHS / 10 + " s: $(ip -6 addr show dev $iface | tr '\\n' ' ')(is the network built with "
                    + "DhcpNetwork.builder().ipv6()?)\"");
            lines.add("  sleep 0.1; i=$((i+1))");
            lines.add("done");
            lines.add("ip -6 addr show dev \"$iface\" | grep -q dadfailed && fail \"DAD failed on $iface\"");
        } else {
            lines.add("ip -4 addr flush dev \"$iface\" || fail \"cannot flush $iface's IPv4 addresses\"");
        }
        lines.add("actual=$(cat /sys/class/net/$iface/address)");
        lines.add("echo \"" + DhcpClientContainer.READY_MARKER + " iface=$iface mac=$actual client="
                + client.name().toLowerCase(Locale.ROOT) + "\"");
        lines.add("if [ -n \"$mac\" ] && [ \"$actual\" != \"$mac\" ]; then");
        lines.add("  echo \"DHCP-CONTAINER mac-mismatch asked=$mac actual=$actual: the client is not started\"");
        lines.add("  while :; do sleep 3600; done");
        lines.add("fi");
        lines.add(join(clientCommand) + " &");
        lines.add("echo $! > " + quote(pidFile));
        lines.add("wait $!");
        lines.add("echo \"DHCP-CONTAINER client-exited rc=$?\"");
        lines.add("while :; do sleep 3600; done");
        return String.join("\n", lines);
    }

    /** Waits for the wrapper's READY line and returns it; fails with its failure line, or when it exited. */
    static String awaitReady(DhcpClientContainer container, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String logs = container.getLogs();
            Optional<String> line = logs.lines()
                    .filter(l -> l.contains(DhcpClientContainer.READY_MARKER) || l.contains(FAILED_MARKER)).findFirst();
            if (line.isPresent() && line.get().contains(FAILED_MARKER)) {
                throw new IllegalStateException("the " + container.client() + " container " + container.getContainerName() + " could not "
                        + "prepare its interface: " + line.get().strip() + "\nits log:\n" + logs);
            }
            if (line.isPresent()) {
                return line.get().strip();
            }
            if (System.nanoTime() > deadline || !container.isRunning()) {
                throw new IllegalStateException("the " + container.client() + " container " + container.getContainerName() + " printed no "
                        + DhcpClientContainer.READY_MARKER + " line within " + timeout + (container.isRunning() ? "" : " (it exited)")
                        + "; its log:\n" + logs);
            }
            DhcpClientContainer.sleep("the container's " + DhcpClientContainer.READY_MARKER + " line");
        }
    }

    private static String join(List<String> cmd) {
        StringBuilder s = new StringBuilder();
        for (String arg : cmd) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(quote(arg));
        }
        return s.toString();
    }

    static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
