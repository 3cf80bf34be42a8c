/**
 * The picture of an exchange: {@link dev.dhcpembedded.report.HtmlReport} draws a journal as one self-contained HTML
 * page, a ladder diagram (a column per client and server, an arrow per entry, each opening to the message's decoded
 * fields and bytes). The JUnit extension writes one beside a failed test's pcap, and the CLI's {@code --report FILE}
 * and {@code demo} write one too.
 */
package dev.dhcpembedded.report;
