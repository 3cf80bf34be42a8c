/** The Router Advertisement sender: periodic and solicited RAs on an ICMPv6 raw socket of the server's interface. */
package dev.dhcpembedded.internal.ra;
