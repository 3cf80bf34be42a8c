/**
 * The DHCP agent: the program in the agent container that carries DHCP datagrams between a Docker network and the
 * server in the test JVM, over the channel of {@code dev.dhcpembedded.channel}.
 */
package dev.dhcpembedded.agent;
