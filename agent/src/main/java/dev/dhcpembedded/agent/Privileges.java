package dev.dhcpembedded.agent;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's switch from root to its own user, keeping the capabilities it serves DHCP with and nothing else.
 *
 * <p>Why in the agent: Docker gives a container's process the capabilities of {@code --cap-add} only when it starts
 * as uid 0 (for any other user it fills the bounding set alone, and no ambient set; Podman fills the ambient set, but
 * Docker does not), and file capabilities on {@code java} are void under no-new-privileges. So the container starts
 * as root with {@code CapDrop ALL} and a few added capabilities; before it reads or listens to anything, the agent
 * asks the kernel to keep its permitted capabilities across the change of user ({@code PR_SET_KEEPCAPS}), drops its
 * groups, switches group and user (glibc applies that to every thread of the JVM, and every other thread loses all
 * its capabilities), and then keeps, on the main thread that starts all the agent's own threads, only
 * {@code KEPT}: CAP_NET_ADMIN (the ARP entry of a unicast reply, SO_RCVBUFFORCE) and CAP_NET_BIND_SERVICE (UDP 67 and
 * 547). CAP_SETUID and CAP_SETGID, needed for the switch, are gone from every thread after it; with
 * no-new-privileges and no set-uid file in the image nothing brings them back.
 */
public final class Privileges {

    /** The capabilities the agent keeps, by number. */
    static final Map<Integer, String> KEPT = Map.of(10, "NET_BIND_SERVICE", 12, "NET_ADMIN");
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0, "CHOWN"),
            Map.entry(1, "DAC_OVERRIDE"), Map.entry(3, "FOWNER"), Map.entry(5, "KILL"), Map.entry(6, "SETGID"),
            Map.entry(7, "SETUID"), Map.entry(8, "SETPCAP"), Map.entry(10, "NET_BIND_SERVICE"),
            Map.entry(12, "NET_ADMIN"), Map.entry(13, "NET_RAW"), Map.entry(18, "SYS_CHROOT"),
            Map.entry(21, "SYS_ADMIN"), Map.entry(27, "MKNOD"), Map.entry(29, "AUDIT_WRITE"),
            Map.entry(31, "SETFCAP"));
    private static final int PR_SET_KEEPCAPS = 8;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    private Privileges() {
    }

    /**
     * The user and group the agent runs as.
     *
     * @param uid the user id, not 0
     * @param gid the group id, not 0
     */
    public record Identity(int uid, int gid) {

        public Identity {
            if (uid <= 0 || gid <= 0) {
                throw new IllegalArgumentException("the agent's user and group must not be root, not " + uid + ":"
                        + gid);
            }
        }

        /** {@code uid:gid}, both numbers; {@code name} is the setting's name for the message. */
        static Identity parse(String name, String text) {
            String[] parts = text.split(":", -1);
            try {
                if (parts.length == 2) {
                    return new Identity(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(name + "=" + text + " is not uid:gid (two numbers, e.g. 10067:10067)");
        }
    }

    /**
     * Switches to {@code who} when running as root, keeping {@code KEPT} (those of them the process has); does
     * nothing when not root. Call it on the main thread before any thread of the agent starts.
     *
     * @param who the user and group to become
     * @throws IOException naming the call the kernel refused
     */
    static void dropTo(Identity who) throws IOException {
        if (Libc.getuid() != 0) {
            return;
        }
        long keep = 0;
        long permitted = capabilities("CapPrm");
        for (int cap : KEPT.keySet()) {
            keep |= permitted & (1L << cap);
        }
        try {
            Libc.prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0);
            Libc.setgroups(0, null);
            Libc.setresgid(who.gid(), who.gid(), who.gid());
            Libc.setresuid(who.uid(), who.uid(), who.uid());
            Memory header = new Memory(8);
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0);
            Memory data = new Memory(24);
            data.clear();
            data.setInt(0, (int) keep);       // effective, capabilities 0-31
            data.setInt(4, (int) keep);       // permitted
            data.setInt(8, 0);                // inheritable
            Libc.capset(header, data);
            Libc.prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot switch to uid " + who.uid() + " gid " + who.gid() + " keeping "
                    + names(keep) + ": errno " + e.getErrorCode() + " (the container must start as root with "
                    + "CAP_SETUID and CAP_SETGID, and the user must exist in its user namespace)", e);
        }
        if (Libc.getuid() != who.uid() || Libc.getgid() != who.gid()) {
            throw new IOException("the switch to uid " + who.uid() + " gid " + who.gid() + " did not take: uid "
                    + Libc.getuid() + " gid " + Libc.getgid());
        }
    }

    /**
     * How the calling thread runs, from the kernel: e.g. {@code uid 10067 gid 10067, capabilities NET_ADMIN
     * NET_BIND_SERVICE, no_new_privs 1}.
     *
     * @return the description
     */
    static String describe() {
        try {
            return "uid " + Libc.getuid() + " gid " + Libc.getgid() + ", capabilities "
                    + names(capabilities("CapEff")) + ", no_new_privs " + field("NoNewPrivs");
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The names of the capabilities in {@code mask}, or {@code none}. */
    static String names(long mask) {
        List<String> names = new ArrayList<>();
        for (int cap = 0; cap < 64; cap++) {
            if ((mask & (1L << cap)) != 0) {
                names.add(NAMES.getOrDefault(cap, "CAP_" + cap));
            }
        }
        return names.isEmpty() ? "none" : String.join(" ", names);
    }

    private static long capabilities(String set) throws IOException {
        return Long.parseUnsignedLong(field(set), 16);
    }

    /** A field of this thread's status (capabilities are per thread). */
    private static String field(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new IOException("/proc/thread-self/status has no " + name);
    }

    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int getuid();

        static native int getgid();

        static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

        static native int setgroups(long size, Pointer list) throws LastErrorException;

        static native int setresgid(int real, int effective, int saved) throws LastErrorException;

        static native int setresuid(int real, int effective, int saved) throws LastErrorException;

        static native int capset(Pointer header, Pointer data) throws LastErrorException;
    }
}
