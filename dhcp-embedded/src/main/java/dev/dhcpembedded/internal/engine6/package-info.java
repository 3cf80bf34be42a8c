/**
 * Layer 3, the DHCPv6 lease engine: RFC 8415 decisions (IA_NA, IA_PD, rapid commit, CONFIRM, RELEASE, DECLINE) as a
 * function of the request, the binding table and the time it is given. No socket, no clock of its own, no journal.
 */
package dev.dhcpembedded.internal.engine6;
