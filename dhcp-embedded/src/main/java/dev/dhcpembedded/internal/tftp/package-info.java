/** The embedded TFTP (RFC 1350, 2347, 2348, 2349, 7440) and HTTP boot file servers, read-only under one root. */
package dev.dhcpembedded.internal.tftp;
