package dev.dhcpembedded.transport;

/** Whether the journal shows a datagram's real socket addresses or the addresses DHCP would use on a link. */
public enum LinkView {
    /** The addresses the socket used. */
    AS_SENT,
    /** DHCP's addresses and ports 67/68, derived from the message (loopback, memory). */
    AS_ON_A_LINK
}
