/**
 * Layer 3, the DHCPv4 lease engine: RFC 2131 section 4.3 decisions as a function of the request, the lease table and
 * the time it is given. No socket, no clock of its own, no journal.
 */
package dev.dhcpembedded.internal.engine;
