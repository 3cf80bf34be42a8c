/**
 * The command line ({@code java -jar dhcp-embedded-cli-*-all.jar}): the server with its transcript, {@code demo} and
 * {@code decode}. Its flags and output are a contract; see the README.
 */
package dev.dhcpembedded.cli;
