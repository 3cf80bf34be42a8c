package dev.dhcpembedded.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link dev.dhcpembedded.server.DhcpServer} for the test class: one server for the class, reset (journal,
 * leases, stubs and run-time changes) before each test, and stopped after the class, however it ends. Tests get it,
 * its {@link dev.dhcpembedded.server.TestClock}, its journal and its address as parameters.
 *
 * <pre>{@code
 * @DhcpServerTest(subnet = "10.20.0.0/24", pool = "10.20.0.100-10.20.0.199", router = "10.20.0.1")
 * class DeviceBootTest {
 *     @Test void boots(DhcpServer dhcp, TestClock clock) { ... }
 * }
 * }</pre>
 *
 * Nested classes use the outer class's server, unless they carry their own {@code @DhcpServerTest}. When a test
 * fails, its exchange is written as a pcap under {@code target/dhcp-traffic/<class>/<method>.pcap}. For the full
 * builder, use {@link DhcpServerExtension} with {@code @RegisterExtension} instead (not both).
 *
 * <p>The server's attributes are the keys of the server's text configuration
 * ({@link dev.dhcpembedded.config.ConfigKey}), the same keys as the command line's flags, with the same values and
 * the same messages: {@code docs/configuration.md} lists each key in both syntaxes. A value written wrong fails
 * every test of the class with an {@code ExtensionConfigurationException} that names the attribute and says what
 * to change. {@code testClock}, {@code clockStart} and {@code lifecycle} are the extension's own.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DhcpServerExtension.class)
public @interface DhcpServerTest {

    /** The subnet served, in CIDR form. */
    String subnet() default "10.20.0.0/24";

    /**
     * Pools written {@code FIRST-LAST}, e.g. {@code "10.20.0.100-10.20.0.199"}. None means every host address of
     * the subnet but the router and the server identifier.
     */
    String[] pool() default {};

    /** Static leases written {@code MAC=IP}, e.g. {@code "02:00:00:00:00:42=10.20.0.42"}. */
    String[] staticLeases() default {};

    /**
     * A second DHCP server on the link, written {@code IP=FIRST-LAST}, e.g. {@code "10.20.0.2=10.20.0.200-10.20.0.249"}:
     * its own server identifier and pool, the subnet's other options; reach it with {@code server.secondServer()}.
     * Empty (the default): none.
     */
    String secondServer() default "";

    /** Addresses inside a pool that are never handed out. */
    String[] exclude() default {};

    /**
     * Lease time (51) in seconds, 1 to 4294967295 (the command line's {@code --lease}); T1 and T2 are 50% and 87.5%
     * of it. Set to anything but its default, it is also the DHCPv6 preferred and valid lifetime.
     */
    long leaseSeconds() default 3600;

    /** The router (3); none when empty. */
    String router() default "";

    /** DNS servers (6); an element may hold several, separated by commas. */
    String[] dns() default {};

    /** Domain name (15); none when empty. */
    String domain() default "";

    /**
     * A DHCPv6 prefix served beside the subnet, e.g. {@code "2001:db8:1::/64"}; none when empty. The server then
     * also listens on {@code [::1]} ({@code server.v6().address()}).
     */
    String subnet6() default "";

    /** DHCPv6 pools written {@code FIRST-LAST}; none means PREFIX::100 to PREFIX::ffff. */
    String[] pool6() default {};

    /** Prefixes to delegate, written {@code PREFIX/LEN/DELEGATED}, e.g. {@code "2001:db8:100::/48/56"}. */
    String prefixDelegation() default "";

    /**
     * DHCPv6 DNS servers (23), an element may hold several, separated by commas; {@link #domain()} gives the domain
     * search list (24) too.
     */
    String[] dns6() default {};

    /**
     * DHCPv6 static leases written {@code DUID=ADDR}, {@code DUID=PREFIX/LEN} or {@code DUID=ADDR,PREFIX/LEN}, the
     * DUID in hex, e.g. {@code "00:03:00:01:02:00:00:00:00:42=2001:db8:1::42"}; they need {@link #subnet6()}.
     */
    String[] staticLeases6() default {};

    /** Answer a SOLICIT with rapid commit (14) by REPLY. */
    boolean rapidCommit6() default false;

    /**
     * Router Advertisements on {@link #bindInterface()}, as the command line's {@code --ra}: {@code "managed"}
     * (M and O), {@code "other"} (O, autonomous prefix), {@code "slaac"} (autonomous prefix only) or {@code "none"}
     * (the default). They carry {@link #subnet6()}, and {@link #dns6()} and {@link #domain()} as RDNSS and DNSSL.
     */
    String ra() default "none";

    /**
     * The server identifier (54), never handed out; empty for the default: the interface's address with
     * {@link #bindInterface()}, else the router, else the subnet's first host address.
     */
    String serverId() default "";

    /** NAK requests for addresses the server has no record of. */
    boolean authoritative() default false;

    /**
     * Rapid commit (option 80, RFC 4039): a DISCOVER carrying 80 gets an ACK carrying 80 and a bound lease at once.
     */
    boolean rapidCommit() default false;

    /** Serve BOOTP (RFC 951): a BOOTREQUEST without option 53 gets a BOOTREPLY with a permanent address. */
    boolean bootp() default false;

    /** Answer netboot clients (PXE, iPXE) and serve this directory by TFTP and HTTP; empty: no netboot. */
    String tftpRoot() default "";

    /** The boot files, each {@code FILE} for every architecture or {@code ARCH=FILE} (option 93, e.g. {@code 7}). */
    String[] bootFile() default {};

    /** The script iPXE gets by HTTP once chainloaded: a file of {@link #tftpRoot()} or a URL. */
    String ipxeScript() default "";

    /**
     * Serve UDP port 67 of this interface (needs root or CAP_NET_BIND_SERVICE) instead of loopback. Empty (the
     * default) means 127.0.0.1 on an ephemeral port.
     */
    String bindInterface() default "";

    /**
     * Run the server on a {@link dev.dhcpembedded.server.TestClock} (the default), so leases age only when the
     * test advances it; false for the system clock.
     */
    boolean testClock() default true;

    /** Where the TestClock starts, as an ISO-8601 instant such as {@code 2030-01-01T00:00:00Z}; empty for now. */
    String clockStart() default "";

    /** One server for the class (reset before each test, the default) or a new server for each test. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** How long the server lives. */
    enum Lifecycle {
        /** One server for the class and its nested classes, reset before each test. */
        PER_CLASS,
        /** A new server for each test, stopped after it. */
        PER_METHOD
    }
}
