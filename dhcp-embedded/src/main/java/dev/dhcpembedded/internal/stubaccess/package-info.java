/**
 * The runtime's access to the engine-facing side of the stub DSL ({@code stub}, {@code stub6}), which the users'
 * API does not show. Below the DSL, naming none of its types, so that no package cycle forms.
 */
package dev.dhcpembedded.internal.stubaccess;
