/**
 * The server's text configuration: one set of keys ({@link dev.dhcpembedded.config.ConfigKey}), each with one value
 * syntax, written in two syntaxes ({@link dev.dhcpembedded.config.Syntax}): the command line's flags
 * ({@code --subnet 10.20.0.0/24}) and the attributes of the JUnit annotation {@code @DhcpServerTest}
 * ({@code subnet = "10.20.0.0/24"}). {@link dev.dhcpembedded.config.TextConfiguration} holds the values given and
 * applies them to a {@link dev.dhcpembedded.server.DhcpServerBuilder}, the one place options live; a bad value
 * fails with a message that names the key as the caller wrote it and says what to change. The table of every key,
 * in both syntaxes, is {@code docs/configuration.md}.
 */
package dev.dhcpembedded.config;
