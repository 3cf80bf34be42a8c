package dev.dhcpembedded.internal.wire;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reconfigure-key authentication shared by DHCPv4 (RFC 6704, option 90) and DHCPv6 (RFC 8415 §20.4, option
 * 11): an option value of protocol 3, algorithm 1 (HMAC-MD5), replay detection method 0 with a strictly increasing
 * counter, then type 1 and the 16-byte key (sent to the client in an ACK or REPLY) or type 2 and the HMAC-MD5 of the
 * whole message under that key, computed with the digest zeroed (in a FORCERENEW or RECONFIGURE). One counter per
 * server: a client rejects a replay counter that does not grow.
 */
public final class ReconfigureKeyAuth {

    /** The option value's length: 3 + 8 + 1 + 16. */
    public static final int LENGTH = 28;
    /** Where the key or the digest starts in the value. */
    public static final int SECRET_AT = 12;
    private static final int PROTOCOL_RECONFIGURE_KEY = 3;
    private static final int ALGORITHM_HMAC_MD5 = 1;

    private final SecureRandom random = new SecureRandom();
    private long replay;

    /** {@return a new random 16-byte key} */
    public synchronized byte[] newKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return key;
    }

    /**
     * {@return the option value that gives the client its key (type 1)}
     *
     * @param key the key
     */
    public byte[] keyValue(byte[] key) {
        byte[] value = value(1);
        System.arraycopy(key, 0, value, SECRET_AT, 16);
        return value;
    }

    /** {@return the option value of a signed message (type 2), its digest zero until {@link #sign}} */
    public byte[] digestValue() {
        return value(2);
    }

    /**
     * Writes the HMAC-MD5 of {@code message} (its digest still zero) under {@code key} into its digest.
     *
     * @param message the whole encoded message
     * @param valueAt where the authentication option's value starts in it
     * @param key the client's key
     */
    public static void sign(byte[] message, int valueAt, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            System.arraycopy(mac.doFinal(message), 0, message, valueAt + SECRET_AT, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 is not available in this JDK", e);
        }
    }

    /**
     * Whether an algorithm list (DHCPv4 option 145) names HMAC-MD5.
     *
     * @param list the option's bytes
     * @param from where its value starts
     * @param length its length
     * @return true when HMAC-MD5 is among them
     */
    public static boolean namesHmacMd5(byte[] list, int from, int length) {
        for (int at = from; at < from + length; at++) {
            if (list[at] == ALGORITHM_HMAC_MD5) {
                return true;
            }
        }
        return false;
    }

    private synchronized byte[] value(int type) {
        byte[] value = new byte[LENGTH];
        value[0] = PROTOCOL_RECONFIGURE_KEY;
        value[1] = ALGORITHM_HMAC_MD5;
        value[2] = 0;
        long counter = ++replay;
        for (int i = 0; i < 8; i++) {
            value[3 + i] = (byte) (counter >>> (56 - 8 * i));
        }
        value[11] = (byte) type;
        return value;
    }
}
