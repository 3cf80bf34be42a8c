package dev.dhcpembedded.channel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What an agent is given of its {@link ChannelToken}: the token's SHA-256, which checks a presented token and cannot
 * be presented itself. The agent's environment holds this, never the token, so that {@code docker inspect} (which
 * shows the environment) reveals nothing that opens the channel; the token has 256 random bits, so its digest
 * cannot be reversed.
 */
public final class TokenDigest {

    private static final int LENGTH = 32;
    private final byte[] digest;

    private TokenDigest(byte[] digest) {
        this.digest = digest;
    }

    /**
     * The digest of {@code token}.
     *
     * @param token the token
     * @return its SHA-256
     */
    public static TokenDigest of(ChannelToken token) {
        return new TokenDigest(sha256(token.bytes()));
    }

    /**
     * A digest as {@link #text()} wrote it.
     *
     * @param text 64 hex digits
     * @return the digest
     * @throws IllegalArgumentException if {@code text} is not 64 hex digits
     */
    public static TokenDigest parse(String text) {
        Objects.requireNonNull(text, "digest");
        if (text.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a token digest is " + 2 * LENGTH + " hex digits (a SHA-256), this one "
                    + text.length() + " characters");
        }
        return new TokenDigest(HexFormat.of().parseHex(text));
    }

    /**
     * True when {@code presented} is the token this is the digest of; takes the same time wherever the digests differ.
     *
     * @param presented the bytes a peer sent as its token
     * @return whether they are the token
     */
    public boolean matches(byte[] presented) {
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    /** {@return the digest as 64 lower-case hex digits, for the agent's environment} */
    public String text() {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public String toString() {
        return "TokenDigest(SHA-256)";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
