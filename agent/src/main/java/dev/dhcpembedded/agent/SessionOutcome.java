package dev.dhcpembedded.agent;

/** How the agent's one session ended (or why it never began): {@code clean} when the JVM said goodbye. */
public record SessionOutcome(boolean clean, String reason) {
}
