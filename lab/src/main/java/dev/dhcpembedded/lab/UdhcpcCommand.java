package dev.dhcpembedded.lab;

import static dev.dhcpembedded.lab.ClientCommandSupport.binary;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * busybox udhcpc, always in the foreground ({@code -f}). Renews by unicast at half the lease
 * (it ignores option 58), SIGUSR1 renews now, SIGUSR2 releases, SIGTERM releases only with
 * {@link #releaseOnExit()}.
 */
public final class UdhcpcCommand {
    private final String iface;
    private final Path script;
    private final List<String> options = new ArrayList<>();
    private final Set<String> requested = new LinkedHashSet<>();
    private int retries = 3;
    private Duration pause = Duration.ofSeconds(1);
    private Path resolvConf;

    UdhcpcCommand(String iface, Path script) {
        this.iface = Objects.requireNonNull(iface);
        this.script = Objects.requireNonNull(script);
    }

    /** {@code -q -n}: exit once bound (no RELEASE is sent, even with -R), or exit 1 when no lease came. */
    public UdhcpcCommand oneShot() {
        options.add("-q");
        options.add("-n");
        return this;
    }

    /** {@code -R}: send RELEASE when stopped with SIGTERM. */
    public UdhcpcCommand releaseOnExit() {
        options.add("-R");
        return this;
    }

    /** {@code -B}: set the BOOTP broadcast flag (off by default). */
    public UdhcpcCommand broadcastFlag() {
        options.add("-B");
        return this;
    }

    /** {@code -r IP}: ask for this address (option 50 in DISCOVER; this is not INIT-REBOOT). */
    public UdhcpcCommand requestAddress(String ip) {
        options.add("-r");
        options.add(ip);
        return this;
    }

    /** {@code -x hostname:NAME}: send option 12 (not sent by default). */
    public UdhcpcCommand hostname(String name) {
        options.add("-x");
        options.add("hostname:" + name);
        return this;
    }

    /** {@code -V VENDOR}: option 60 (default {@code udhcp 1.35.0}). */
    public UdhcpcCommand vendorClass(String vendor) {
        options.add("-V");
        options.add(vendor);
        return this;
    }

    /** {@code -C}: do not send option 61 (sent by default as type 1 + MAC). */
    public UdhcpcCommand noClientId() {
        options.add("-C");
        return this;
    }

    /** {@code -O staticroutes}: add 121 to the parameter request list (not requested by default). */
    public UdhcpcCommand requestStaticRoutes() {
        return requestOption("staticroutes");
    }

    /** {@code -O OPT}: add an option (name or number) to the parameter request list. */
    public UdhcpcCommand requestOption(String option) {
        requested.add(option);
        return this;
    }

    /** {@code -t N -T SEC}: DISCOVERs sent and the pause between them (default 3 and 1 s). */
    public UdhcpcCommand discover(int count, Duration pauseBetween) {
        this.retries = count;
        this.pause = pauseBetween;
        return this;
    }

    /** Any other udhcpc argument. */
    public UdhcpcCommand arg(String... more) {
        options.addAll(List.of(more));
        return this;
    }

    /** Let the script write DNS settings to this file (it never writes /etc/resolv.conf). */
    public UdhcpcCommand resolvConf(Path file) {
        this.resolvConf = file;
        return this;
    }

    public List<String> build() {
        List<String> cmd = new ArrayList<>();
        if (resolvConf != null) {
            cmd.add("env");
            cmd.add("DHCP_RESOLV_CONF=" + resolvConf);
        }
        if (RealHostSupport.findBinary("udhcpc").isPresent() || RealHostSupport.findBinary("busybox").isEmpty()) {
            cmd.add(binary("udhcpc"));
        } else {
            cmd.add(binary("busybox"));
            cmd.add("udhcpc");
        }
        cmd.addAll(List.of("-f", "-i", iface, "-s", script.toString(),
                "-t", Integer.toString(retries), "-T", Long.toString(Math.max(1, pause.toSeconds()))));
        cmd.addAll(options);
        for (String o : requested) {
            cmd.add("-O");
            cmd.add(o);
        }
        return List.copyOf(cmd);
    }
}
