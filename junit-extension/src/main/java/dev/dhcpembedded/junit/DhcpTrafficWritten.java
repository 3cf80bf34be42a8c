package dev.dhcpembedded.junit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Added as a suppressed exception to a failed test's exception: names the pcap that holds the test's DHCP
 * exchange, and the HTML report that draws it, so that they show in the failure output. It carries no stack trace of its own.
 */
public final class DhcpTrafficWritten extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path pcap;
    private final transient Path report;

    /**
     * Made by the project's extensions when a test fails.
     *
     * @param pcap the file written
     * @param entries how many journal entries it holds
     */
    public DhcpTrafficWritten(Path pcap, int entries) {
        this(pcap, null, entries);
    }

    /**
     * Made by the project's extensions when a test fails, with the HTML report beside the pcap.
     *
     * @param pcap the file written
     * @param report the HTML report written beside it, or {@code null} if none was
     * @param entries how many journal entries it holds
     */
    public DhcpTrafficWritten(Path pcap, Path report, int entries) {
        super("the DHCP exchange of this test (" + entries + (entries == 1 ? " message" : " messages")
                + ") is in " + pcap + "; open it with Wireshark, or decode it with the CLI's 'decode' verb"
                + (report == null ? "" : "; see it drawn in " + report + " (open it in a browser)"),
                null, false, false);
        this.pcap = pcap;
        this.report = report;
    }

    /** The pcap file written. */
    public Path pcap() {
        return pcap;
    }

    /** {@return the HTML report written beside the pcap, if one was} */
    public Optional<Path> report() {
        return Optional.ofNullable(report);
    }
}
