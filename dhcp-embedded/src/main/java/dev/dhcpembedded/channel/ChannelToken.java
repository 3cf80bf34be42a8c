package dev.dhcpembedded.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** The secret a JVM presents to its agent: random per network, compared in constant time. */
public final class ChannelToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] bytes;

    private ChannelToken(byte[] bytes) {
        this.bytes = bytes;
    }

    /** {@return a new random token: 32 random bytes, as 64 hex digits} */
    public static ChannelToken random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ChannelToken(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A token from its text; at least 16 and at most 128 printable ASCII characters.
     *
     * @param text the token's text
     * @return the token
     * @throws IllegalArgumentException if {@code text} is too short, too long or has a space or non-printable character
     */
    public static ChannelToken parse(String text) {
        Objects.requireNonNull(text, "token");
        if (text.length() < ChannelProtocol.MIN_TOKEN_LENGTH || text.length() > ChannelProtocol.MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("a channel token has " + ChannelProtocol.MIN_TOKEN_LENGTH + " to "
                    + ChannelProtocol.MAX_TOKEN_LENGTH + " characters, this one " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("a channel token is printable ASCII without spaces; character "
                        + i + " is not");
            }
        }
        return new ChannelToken(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * True when {@code presented} is this token; takes the same time wherever they differ.
     *
     * @param presented the bytes a peer sent
     * @return whether they are this token
     */
    public boolean matches(byte[] presented) {
        return MessageDigest.isEqual(bytes, presented);
    }

    /** {@return a copy of the token's bytes, its text in US-ASCII} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the token's text (the agent is given its {@link TokenDigest}, never the text)} */
    public String text() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "ChannelToken(" + bytes.length + " characters)";
    }
}
