package dev.dhcpembedded.stub;

import dev.dhcpembedded.codec.OptionCode;

/** The entry points for scripted responses: {@code server.stub(onDiscover()).respond(ignore())}. */
public final class Responses {

    private Responses() {
    }

    /** What the server would send anyway (RFC 2131). */
    public static Response defaultReply() {
        return Response.defaultReply();
    }

    /** The default OFFER; add {@code .address("10.20.0.77")} to offer a given address. */
    public static Response offer() {
        return Response.offer();
    }

    /** The default ACK; add {@code .address(...)} to acknowledge a given address. */
    public static Response ack() {
        return Response.ack();
    }

    /** A NAK with {@code message} in option 56. */
    public static Response nak(String message) {
        return Response.nak(message);
    }

    /** No reply at all (a dropped packet). */
    public static Response ignore() {
        return Response.ignore();
    }

    /** Full control from a function of the request and the context. */
    public static Response reply(ReplyFunction function) {
        return Response.function(function);
    }

    /** Another server's identity, for {@code defaultReply().alsoFrom(rogueServerId("10.20.0.2"))}. */
    public static ServerIdentity rogueServerId(String address) {
        return new ServerIdentity(address);
    }

    public static Malformation truncatedOption(OptionCode code) {
        return Malformation.truncatedOption(code);
    }

    public static Malformation badOptionLength(OptionCode code, int length) {
        return Malformation.optionLength(code, length);
    }

    public static Malformation badMagicCookie() {
        return Malformation.badMagicCookie();
    }
}
