/**
 * Layer 4, the runtime: per family, the packet path from a received datagram to the journal, the stubs, the engine
 * and the reply sent (or scheduled on the server's clock), and the stub registry.
 */
package dev.dhcpembedded.internal.runtime;
