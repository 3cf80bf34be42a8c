package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.OptionCode;

/**
 * The entry points for scripted responses, to import statically:
 * {@code server.stub(onDiscover().respond(defaultReply().malformed(missingEnd())).once())}.
 */
public final class Responses {

    private Responses() {
    }

    /**
     * What the server would send anyway (RFC 2131).
     *
     * @return the response
     */
    public static Response defaultReply() {
        return Response.defaultReply();
    }

    /**
     * The default reply, but a DISCOVER carrying rapid commit (80, RFC 4039) gets a normal OFFER rather than an
     * ACK, as from a server that does not do rapid commit: {@code onDiscover().respond(withoutRapidCommit()).once()}.
     *
     * @return the response
     */
    public static Response withoutRapidCommit() {
        return Response.withoutRapidCommit();
    }

    /**
     * The default OFFER (for a DISCOVER with rapid commit too: an OFFER, never the rapid ACK); add
     * {@code .address("10.20.0.77")} to offer a given address.
     *
     * @return the response
     */
    public static Response offer() {
        return Response.offer();
    }

    /**
     * The default ACK; add {@code .address(...)} to acknowledge a given address.
     *
     * @return the response
     */
    public static Response ack() {
        return Response.ack();
    }

    /**
     * A NAK with {@code message} in option 56.
     *
     * @param message the text for option 56, not null; may be empty
     * @return the response
     */
    public static Response nak(String message) {
        return Response.nak(message);
    }

    /**
     * No reply at all (a dropped packet).
     *
     * @return the response
     */
    public static Response ignore() {
        return Response.ignore();
    }

    /**
     * Full control from a function of the request and the context.
     *
     * @param function makes the reply; returning null sends nothing
     * @return the response
     */
    public static Response reply(ReplyFunction function) {
        return Response.function(function);
    }

    /**
     * Another server's identity, for {@code defaultReply().alsoFrom(rogueServerId("10.20.0.2"))}.
     *
     * @param address the other server's IPv4 address, dotted
     * @return the identity
     */
    public static ServerIdentity rogueServerId(String address) {
        return new ServerIdentity(address);
    }

    /**
     * {@link Malformation#truncatedTo(int)}: cuts the packet to {@code length} bytes.
     *
     * @param length the length to keep, 0 or more
     * @return the malformation
     */
    public static Malformation truncatedTo(int length) {
        return Malformation.truncatedTo(length);
    }

    /**
     * {@link Malformation#badMagicCookie()}: replaces the magic cookie with 00000000.
     *
     * @return the malformation
     */
    public static Malformation badMagicCookie() {
        return Malformation.badMagicCookie();
    }

    /**
     * {@link Malformation#badOptionLength(OptionCode, int)}: option {@code code} claims {@code length} bytes.
     *
     * @param code the option, which the reply must carry
     * @param length the claimed length, 0 to 255
     * @return the malformation
     */
    public static Malformation badOptionLength(OptionCode code, int length) {
        return Malformation.badOptionLength(code, length);
    }

    /**
     * {@link Malformation#truncatedOption(OptionCode)}: the packet ends inside option {@code code}.
     *
     * @param code the option, which the reply must carry
     * @return the malformation
     */
    public static Malformation truncatedOption(OptionCode code) {
        return Malformation.truncatedOption(code);
    }

    /**
     * {@link Malformation#missingEnd()}: the END option is removed.
     *
     * @return the malformation
     */
    public static Malformation missingEnd() {
        return Malformation.missingEnd();
    }
}
