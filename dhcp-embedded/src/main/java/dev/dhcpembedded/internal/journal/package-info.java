/**
 * The journal's storage: entries kept as bytes in slabs, appended by the packet path without an object per datagram,
 * and read back as {@link dev.dhcpembedded.journal.JournalEntry}.
 */
package dev.dhcpembedded.internal.journal;
