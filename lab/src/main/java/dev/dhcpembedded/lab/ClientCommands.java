package dev.dhcpembedded.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Command lines for the real DHCP clients, as verified in docs/real-clients.md: one factory per client, each
 * returning its builder ({@link UdhcpcCommand}, {@link DhclientCommand}, {@link Dhclient6Command}, {@link DhcpcdCommand},
 * {@link Dhcpcd6Command}, {@link Dhcp6cCommand}, {@link NetworkdCommand}). Each builder
 * runs its client in the foreground, keeps its state files under a lab directory, and hands it a
 * {@link ClientScript} that prints {@link DhcpEvent} lines. Run the result with
 * {@link HostLab#start(List)} or {@link HostLab#exec(Duration, List)}.
 */
public final class ClientCommands {

    private ClientCommands() {
    }

    /** busybox udhcpc on {@code iface} with {@code script} ({@link ClientScript#UDHCPC}). */
    public static UdhcpcCommand udhcpc(String iface, Path script) {
        return new UdhcpcCommand(iface, script);
    }

    /** ISC dhclient on {@code iface}; config, lease and pid files go to {@code stateDir}. */
    public static DhclientCommand dhclient(String iface, Path script, Path stateDir) {
        return new DhclientCommand(iface, script, stateDir);
    }

    /** dhcpcd (IPv4 only) on {@code iface}; its config goes to {@code stateDir}. */
    public static DhcpcdCommand dhcpcd(String iface, Path script, Path stateDir) {
        return new DhcpcdCommand(iface, script, stateDir);
    }

    /**
     * ISC dhclient for DHCPv6 ({@code -6}, IA_NA, IA_PD when asked) on {@code iface}; its files go to
     * {@code stateDir}.
     *
     * @param iface the interface
     * @param script the {@link ClientScript#DHCLIENT6} script
     * @param stateDir where its config, lease and pid files go
     * @return the command's builder
     */
    public static Dhclient6Command dhclient6(String iface, Path script, Path stateDir) {
        return new Dhclient6Command(iface, script, stateDir);
    }

    /**
     * dhcpcd 9 for DHCPv6 on {@code iface}: it waits for a Router Advertisement, SOLICITs for IA_NA and IA_PD when
     * the RA says M, and sends INFORMATION-REQUEST when it says O only ({@link Dhcpcd6Command#stateless()}).
     */
    public static Dhcpcd6Command dhcpcd6(String iface, Path script, Path stateDir) {
        return new Dhcpcd6Command(iface, script, stateDir);
    }

    /** wide-dhcpv6's {@code dhcp6c} on {@code iface} (it needs no Router Advertisement); files go to {@code stateDir}. */
    public static Dhcp6cCommand dhcp6c(String iface, Path script, Path stateDir) {
        return new Dhcp6cCommand(iface, script, stateDir);
    }

    /**
     * systemd-networkd (Debian's systemd 252, {@value NetworkdCommand#BINARY}) as a plain process for {@code iface},
     * with its own .network file, state directory and a private view of /run; state goes to {@code stateDir}.
     */
    public static NetworkdCommand networkd(String iface, Path stateDir) {
        return new NetworkdCommand(iface, stateDir);
    }
}
