/** Layer 1, the wire: pcap and pcapng files read and written, and the IPv4/IPv6 UDP headers of their frames. */
package dev.dhcpembedded.internal.pcap;
