package dev.dhcpembedded.junit;

import java.nio.file.Path;

/**
 * Added as a suppressed exception to a failed test's exception: names the pcap that holds the test's DHCP
 * exchange, so that it shows in the failure output. It carries no stack trace of its own.
 */
public final class DhcpTrafficWritten extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path pcap;

    /**
     * Made by the project's extensions when a test fails.
     *
     * @param pcap the file written
     * @param entries how many journal entries it holds
     */
    public DhcpTrafficWritten(Path pcap, int entries) {
        super("the DHCP exchange of this test (" + entries + (entries == 1 ? " message" : " messages")
                + ") is in " + pcap + "; open it with Wireshark, or decode it with the CLI's 'decode' verb",
                null, false, false);
        this.pcap = pcap;
    }

    /** The pcap file written. */
    public Path pcap() {
        return pcap;
    }
}
