package dev.dhcpembedded.client;

import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * What both families' clients are built with beside their protocol settings: where the server is, where the
 * socket binds, the clock that stamps exchanges, and how waiting for a reply passes.
 *
 * @param server where every message goes
 * @param local the address and port the socket binds
 * @param clock stamps {@link Exchange#time()}, and dates 'secs', elapsed time and leases
 * @param waiting in real time, or on a manual clock the client moves
 */
record Link(InetSocketAddress server, InetSocketAddress local, Clock clock, Waiting waiting) {
}
