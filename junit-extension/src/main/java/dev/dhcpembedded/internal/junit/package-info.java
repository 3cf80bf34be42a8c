/**
 * Internal to dhcp-embedded: shared by the project's JUnit extensions, not for use by tests. It may change in any
 * release.
 */
package dev.dhcpembedded.internal.junit;
