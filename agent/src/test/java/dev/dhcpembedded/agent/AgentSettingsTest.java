package dev.dhcpembedded.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dhcpembedded.channel.ChannelToken;
import dev.dhcpembedded.channel.TokenDigest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's environment holds the token's digest, never the token (issue 21, item 6), and its user. */
class AgentSettingsTest {

    @Test
    void theDigestChecksTheTokenAndIsNotTheToken() {
        ChannelToken token = ChannelToken.random();
        String digest = TokenDigest.of(token).text();
        AgentSettings settings = AgentSettings.fromEnvironment(Map.of(AgentSettings.TOKEN_SHA256, digest,
                AgentSettings.USER, "10067:10067"));

        assertThat(digest).hasSize(64).isNotEqualTo(token.text()).doesNotContain(token.text());
        assertThat(settings.token().matches(token.bytes())).isTrue();
        assertThat(settings.token().matches(ChannelToken.random().bytes())).isFalse();
        assertThat(settings.token().matches(digest.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .as("the digest presented as a token").isFalse();
        assertThat(settings.runAs()).contains(new Privileges.Identity(10067, 10067));
    }

    @Test
    void withoutTheDigestTheAgentDoesNotStartAndSaysWhy() {
        assertThatThrownBy(() -> AgentSettings.fromEnvironment(Map.of("DHCP_AGENT_TOKEN", "x".repeat(64))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DHCP_AGENT_TOKEN_SHA256");
        assertThatThrownBy(() -> AgentSettings.fromEnvironment(Map.of(AgentSettings.TOKEN_SHA256, "abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    }

    @Test
    void theUserMustBeTwoNumbersAndNotRoot() {
        String digest = TokenDigest.of(ChannelToken.random()).text();
        assertThatThrownBy(() -> AgentSettings.fromEnvironment(Map.of(AgentSettings.TOKEN_SHA256, digest,
                AgentSettings.USER, "dhcp-agent"))).hasMessageContaining("is not uid:gid");
        assertThatThrownBy(() -> AgentSettings.fromEnvironment(Map.of(AgentSettings.TOKEN_SHA256, digest,
                AgentSettings.USER, "0:0"))).hasMessageContaining("must not be root");
    }
}
