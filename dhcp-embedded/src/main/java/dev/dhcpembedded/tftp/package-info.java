/**
 * Netboot files: what clients fetched by TFTP or HTTP ({@link dev.dhcpembedded.tftp.Fetch}), and a small TFTP
 * client for tests ({@link dev.dhcpembedded.tftp.TftpClient}). The server side is configured with
 * {@code DhcpServerBuilder.netboot(...)}.
 */
package dev.dhcpembedded.tftp;
