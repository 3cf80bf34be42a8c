/**
 * What a server saw and did: its {@link dev.dhcpembedded.journal.Journal} of {@link
 * dev.dhcpembedded.journal.JournalEntry} (every message received, rejected or sent, with its time, ends, raw bytes,
 * decoded message or decode error, and the rule that answered it), the {@link dev.dhcpembedded.journal.Transcript}
 * lines and the {@link dev.dhcpembedded.journal.PcapExport} that Wireshark opens. The journal only observes.
 */
package dev.dhcpembedded.journal;
