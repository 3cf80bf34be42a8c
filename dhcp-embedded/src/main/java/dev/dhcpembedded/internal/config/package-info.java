/** Text forms of the configuration (a DHCPv6 static lease, the RA mode), read for the CLI and the annotation. */
package dev.dhcpembedded.internal.config;
