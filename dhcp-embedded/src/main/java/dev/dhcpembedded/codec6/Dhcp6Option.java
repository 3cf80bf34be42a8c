package dev.dhcpembedded.codec6;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.internal.wire.Hex;
import dev.dhcpembedded.internal.wire.Ipv6;
import java.io.ByteArrayOutputStream;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One DHCPv6 option: a 16-bit code and its value bytes, kept as the wire carried them, so options of any code
 * survive decode and encode byte for byte. Static factories build typed values; the {@code as...} views read them
 * (and throw {@link DhcpCodecException}, offsets relative to the value, when the bytes do not fit the type).
 */
public final class Dhcp6Option {

    /** The longest value an option can carry. */
    public static final int MAX_LENGTH = 0xFFFF;

    private final int code;
    private final byte[] value;

    private Dhcp6Option(int code, byte[] value) {
        this.code = code;
        this.value = value;
    }

    static Dhcp6Option wrap(int code, byte[] owned) {
        return new Dhcp6Option(code, owned);
    }

    static Dhcp6Option wrap(Dhcp6OptionCode code, byte[] owned) {
        return new Dhcp6Option(code.code(), owned);
    }

    /** An option of any code with any value up to 65535 bytes; checked as the decoder would.
     * @param code the option code
     * @param value the value bytes, copied; up to 65535
     * @return the option
     * @throws IllegalArgumentException when the value is over 65535 bytes
     * @throws DhcpCodecException when the value does not fit a code the decoder checks (a DUID, an IA, ...) */
    public static Dhcp6Option of(Dhcp6OptionCode code, byte[] value) {
        return of(code.code(), value);
    }

    /** An option of any code (0 to 65535) with any value up to 65535 bytes; checked as the decoder would.
     * @param code the option code, 0 to 65535
     * @param value the value bytes, copied; up to 65535
     * @return the option
     * @throws IllegalArgumentException when the code or the length is out of range
     * @throws DhcpCodecException when the value does not fit a code the decoder checks (a DUID, an IA, ...) */
    public static Dhcp6Option of(int code, byte[] value) {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("option code " + code + " is outside 0..65535");
        }
        if (value.length > MAX_LENGTH) {
            throw new IllegalArgumentException("option " + code + " value of " + value.length
                    + " bytes is over 65535");
        }
        Options6.validate(code, value, 0, value.length, Options6.Level.MESSAGE);
        return new Dhcp6Option(code, value.clone());
    }

    // ---- typed factories ----

    /** The client identifier option (1).
     * @param duid the client's DUID
     * @return the option */
    public static Dhcp6Option clientId(Duid duid) {
        return wrap(Dhcp6OptionCode.CLIENTID, duid.bytes());
    }

    /** The server identifier option (2).
     * @param duid the server's DUID
     * @return the option */
    public static Dhcp6Option serverId(Duid duid) {
        return wrap(Dhcp6OptionCode.SERVERID, duid.bytes());
    }

    /** The IA_NA option (3), with the IA's options inside.
     * @param ia the identity association
     * @return the option
     * @throws IllegalArgumentException when the value would be over 65535 bytes */
    public static Dhcp6Option iaNa(IaNa ia) {
        return wrap(Dhcp6OptionCode.IA_NA, withHeader(ia.options(), 12,
                b -> b.putInt((int) ia.iaid()).putInt((int) ia.t1()).putInt((int) ia.t2())));
    }

    /** The IA_PD option (25, RFC 8415 section 21.21), with the IA's options inside.
     * @param ia the identity association
     * @return the option
     * @throws IllegalArgumentException when the value would be over 65535 bytes */
    public static Dhcp6Option iaPd(IaPd ia) {
        return wrap(Dhcp6OptionCode.IA_PD, withHeader(ia.options(), 12,
                b -> b.putInt((int) ia.iaid()).putInt((int) ia.t1()).putInt((int) ia.t2())));
    }

    /** The IA address option (5), for inside an IA_NA.
     * @param a the address, its lifetimes and options
     * @return the option
     * @throws IllegalArgumentException when the value would be over 65535 bytes */
    public static Dhcp6Option iaAddress(IaAddress a) {
        return wrap(Dhcp6OptionCode.IAADDR, withHeader(a.options(), 24, b -> b.put(a.address().getAddress())
                .putInt((int) a.preferredLifetime()).putInt((int) a.validLifetime())));
    }

    /** The IA prefix option (26), for inside an IA_PD.
     * @param p the prefix, its length, lifetimes and options
     * @return the option
     * @throws IllegalArgumentException when the value would be over 65535 bytes */
    public static Dhcp6Option iaPrefix(IaPrefix p) {
        return wrap(Dhcp6OptionCode.IAPREFIX, withHeader(p.options(), 25, b -> b.putInt((int) p.preferredLifetime())
                .putInt((int) p.validLifetime()).put((byte) p.prefixLength()).put(p.prefix().getAddress())));
    }

    /** The option request option (6), asking for {@code codes} in this order.
     * @param codes the codes asked for
     * @return the option */
    public static Dhcp6Option oro(Dhcp6OptionCode... codes) {
        int[] numbers = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            numbers[i] = codes[i].code();
        }
        return oro(numbers);
    }

    /** The option request option (6), asking for option numbers {@code codes} in this order.
     * @param codes the option numbers asked for, each 0 to 65535
     * @return the option
     * @throws IllegalArgumentException when a number is outside 0 to 65535 */
    public static Dhcp6Option oro(int... codes) {
        ByteBuffer b = ByteBuffer.allocate(codes.length * 2);
        for (int c : codes) {
            if (c < 0 || c > 0xFFFF) {
                throw new IllegalArgumentException("option code " + c + " is outside 0..65535");
            }
            b.putShort((short) c);
        }
        return wrap(Dhcp6OptionCode.ORO, b.array());
    }

    /** The preference option (7), 0 to 255.
     * @param preference the preference, 0 to 255 (255: the client takes this server at once)
     * @return the option
     * @throws IllegalArgumentException when {@code preference} is outside 0 to 255 */
    public static Dhcp6Option preference(int preference) {
        if (preference < 0 || preference > 255) {
            throw new IllegalArgumentException("preference " + preference + " is outside 0..255");
        }
        return wrap(Dhcp6OptionCode.PREFERENCE, new byte[] {(byte) preference});
    }

    /** The elapsed time option (8), in hundredths of a second, 0 to 65535.
     * @param hundredths the time since the client began the exchange, 0 to 65535 hundredths of a second
     * @return the option
     * @throws IllegalArgumentException when {@code hundredths} is outside 0 to 65535 */
    public static Dhcp6Option elapsedTime(int hundredths) {
        if (hundredths < 0 || hundredths > 0xFFFF) {
            throw new IllegalArgumentException("elapsed time " + hundredths + " is outside 0..65535 hundredths");
        }
        return wrap(Dhcp6OptionCode.ELAPSED_TIME, new byte[] {(byte) (hundredths >>> 8), (byte) hundredths});
    }

    /** The elapsed time option (8), capped at 0xffff hundredths as RFC 8415 says.
     * @param elapsed the time since the client began the exchange; negative counts as zero
     * @return the option */
    public static Dhcp6Option elapsedTime(Duration elapsed) {
        return elapsedTime((int) Math.min(0xFFFF, Math.max(0, elapsed.toMillis() / 10)));
    }

    /** The relay message option (9) carrying {@code message}.
     * @param message the message to carry, encoded whole
     * @return the option */
    public static Dhcp6Option relayMessage(Dhcp6Message message) {
        return wrap(Dhcp6OptionCode.RELAY_MSG, Dhcp6Encoder.encode(message));
    }

    /** The status code option (13).
     * @param status the code and message
     * @return the option */
    public static Dhcp6Option statusCode(StatusCode status) {
        byte[] text = status.message().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + text.length);
        b.putShort((short) status.code().value()).put(text);
        return wrap(Dhcp6OptionCode.STATUS_CODE, b.array());
    }

    /** The status code option (13) with {@code code} and {@code message}.
     * @param code the status code, e.g. {@link StatusCode#NO_ADDRS_AVAIL}
     * @param message the text, UTF-8 on the wire; may be empty
     * @return the option */
    public static Dhcp6Option statusCode(StatusCode.Code code, String message) {
        return statusCode(new StatusCode(code, message));
    }

    /** The rapid commit option (14).
     * @return the option */
    public static Dhcp6Option rapidCommit() {
        return wrap(Dhcp6OptionCode.RAPID_COMMIT, new byte[0]);
    }

    /** The server unicast option (12).
     * @param server the address the client may unicast to
     * @return the option */
    public static Dhcp6Option unicast(Inet6Address server) {
        return wrap(Dhcp6OptionCode.UNICAST, server.getAddress());
    }

    /** The interface-id option (18), set by a relay agent.
     * @param id the identifier bytes, copied
     * @return the option */
    public static Dhcp6Option interfaceId(byte[] id) {
        return of(Dhcp6OptionCode.INTERFACE_ID, id);
    }

    /** The relay agent remote-id option (37, RFC 4649): an enterprise number, then the id.
     * @param enterpriseNumber the IANA enterprise number, 0 to 2^32-1
     * @param id the remote-id bytes, copied
     * @return the option */
    public static Dhcp6Option remoteId(long enterpriseNumber, byte[] id) {
        ByteBuffer b = ByteBuffer.allocate(4 + id.length);
        b.putInt((int) enterpriseNumber).put(id);
        return of(Dhcp6OptionCode.REMOTE_ID, b.array());
    }

    /** DNS recursive name servers (23).
     * @param servers IPv6 addresses as text, in order of preference
     * @return the option
     * @throws IllegalArgumentException when a server is not an IPv6 address */
    public static Dhcp6Option dnsServers(String... servers) {
        return addresses(Dhcp6OptionCode.DNS_SERVERS, servers);
    }

    /** Domain search list (24).
     * @param names domain names, without trailing dots
     * @return the option */
    public static Dhcp6Option domainList(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            Names6.writeName(out, name, true);
        }
        return of(Dhcp6OptionCode.DOMAIN_LIST, out.toByteArray());
    }

    /** SNTP servers (31).
     * @param servers IPv6 addresses as text, in order of preference
     * @return the option
     * @throws IllegalArgumentException when a server is not an IPv6 address */
    public static Dhcp6Option sntpServers(String... servers) {
        return addresses(Dhcp6OptionCode.SNTP_SERVERS, servers);
    }

    /** NTP server option (56, RFC 5908) with one server-address sub-option (1) per address.
     * @param servers IPv6 addresses as text, in order of preference
     * @return the option
     * @throws IllegalArgumentException when a server is not an IPv6 address */
    public static Dhcp6Option ntpServers(String... servers) {
        ByteBuffer b = ByteBuffer.allocate(servers.length * 20);
        for (String s : servers) {
            b.putShort((short) 1).putShort((short) 16).put(Ipv6.parse(s).getAddress());
        }
        return of(Dhcp6OptionCode.NTP_SERVER, b.array());
    }

    /** Client FQDN (39).
     * @param fqdn the flags and the name
     * @return the option */
    public static Dhcp6Option fqdn(Dhcp6Fqdn fqdn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(fqdn.flags());
        if (!fqdn.name().isEmpty()) {
            Names6.writeName(out, fqdn.name(), fqdn.fullyQualified());
        }
        return of(Dhcp6OptionCode.CLIENT_FQDN, out.toByteArray());
    }

    /** Captive portal URI (103, RFC 8910).
     * @param uri the URI, UTF-8 on the wire
     * @return the option */
    public static Dhcp6Option captivePortal(String uri) {
        return of(Dhcp6OptionCode.CAPTIVE_PORTAL, uri.getBytes(StandardCharsets.UTF_8));
    }

    /** SOL_MAX_RT (82), seconds.
     * @param seconds the most seconds between SOLICITs, 0 to 2^32-1
     * @return the option
     * @throws IllegalArgumentException when {@code seconds} is outside 0 to 2^32-1 */
    public static Dhcp6Option solMaxRt(long seconds) {
        return u32(Dhcp6OptionCode.SOL_MAX_RT, seconds);
    }

    /** INF_MAX_RT (83), seconds.
     * @param seconds the most seconds between INFORMATION-REQUESTs, 0 to 2^32-1
     * @return the option
     * @throws IllegalArgumentException when {@code seconds} is outside 0 to 2^32-1 */
    public static Dhcp6Option infMaxRt(long seconds) {
        return u32(Dhcp6OptionCode.INF_MAX_RT, seconds);
    }

    private static Dhcp6Option u32(Dhcp6OptionCode code, long v) {
        Ia.checkU32(code.name(), v);
        return wrap(code, ByteBuffer.allocate(4).putInt((int) v).array());
    }

    private static Dhcp6Option addresses(Dhcp6OptionCode code, String... addresses) {
        ByteBuffer b = ByteBuffer.allocate(addresses.length * 16);
        for (String a : addresses) {
            b.put(Ipv6.parse(a).getAddress());
        }
        return of(code, b.array());
    }

    private interface HeaderWriter {
        void write(ByteBuffer b);
    }

    private static byte[] withHeader(List<Dhcp6Option> inner, int headerLength, HeaderWriter header) {
        int length = headerLength;
        for (Dhcp6Option o : inner) {
            length += 4 + o.value.length;
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("option value of " + length + " bytes is over 65535");
        }
        byte[] out = new byte[length];
        header.write(ByteBuffer.wrap(out));
        int at = headerLength;
        for (int i = 0; i < inner.size(); i++) {
            at = inner.get(i).writeTo(out, at);
        }
        return out;
    }

    // ---- accessors and views ----

    /** {@return its code; {@link Dhcp6OptionCode#of(int)} for a code without a constant} */
    public Dhcp6OptionCode code() {
        return Dhcp6OptionCode.of(code);
    }

    /** Its code's number, without making a code object: for the codec's loops. */
    int number() {
        return code;
    }

    /** Writes code, length and value at {@code out[at]}; returns where the next option goes. */
    int writeTo(byte[] out, int at) {
        out[at] = (byte) (code >>> 8);
        out[at + 1] = (byte) code;
        out[at + 2] = (byte) (value.length >>> 8);
        out[at + 3] = (byte) value.length;
        System.arraycopy(value, 0, out, at + 4, value.length);
        return at + 4 + value.length;
    }

    /** {@return a copy of the value bytes} */
    public byte[] value() {
        return value.clone();
    }

    /** {@return the value's length in bytes (without the code and length fields), 0 to 65535} */
    public int length() {
        return value.length;
    }

    /** {@return the value as lowercase hex} */
    public String hex() {
        return Hex.of(value);
    }

    /** {@return a client or server identifier's DUID} */
    public Duid asDuid() {
        return Duid.sharing(value);
    }

    /** {@return the value as an IA_NA (option 3)}
     * @throws DhcpCodecException when the value is under 12 bytes or its options do not parse */
    public IaNa asIaNa() {
        need(12);
        return new IaNa(Options6.u32(value, 0), Options6.u32(value, 4), Options6.u32(value, 8),
                Options6.parse(value, 12, value.length, Options6.Level.IA, "IA_NA"));
    }

    /** {@return the value as an IA_PD (option 25)}
     * @throws DhcpCodecException when the value is under 12 bytes or its options do not parse */
    public IaPd asIaPd() {
        need(12);
        return new IaPd(Options6.u32(value, 0), Options6.u32(value, 4), Options6.u32(value, 8),
                Options6.parse(value, 12, value.length, Options6.Level.IA, "IA_PD"));
    }

    /** {@return the value as an IA address (option 5)}
     * @throws DhcpCodecException when the value is under 24 bytes or its options do not parse */
    public IaAddress asIaAddress() {
        need(24);
        return new IaAddress(Ipv6.read(value, 0), Options6.u32(value, 16), Options6.u32(value, 20),
                Options6.parse(value, 24, value.length, Options6.Level.IA_ENTRY, "IAADDR"));
    }

    /** {@return the value as an IA prefix (option 26)}
     * @throws DhcpCodecException when the value is under 25 bytes, the prefix length over 128, or its options do not
     *     parse */
    public IaPrefix asIaPrefix() {
        need(25);
        if ((value[8] & 0xFF) > 128) {
            throw new DhcpCodecException("prefix length " + (value[8] & 0xFF) + " is over 128", 8);
        }
        return new IaPrefix(Options6.u32(value, 0), Options6.u32(value, 4), value[8] & 0xFF, Ipv6.read(value, 9),
                Options6.parse(value, 25, value.length, Options6.Level.IA_ENTRY, "IAPREFIX"));
    }

    /** {@return an option request option's codes, in order} */
    public List<Dhcp6OptionCode> asCodes() {
        List<Dhcp6OptionCode> codes = new ArrayList<>(value.length / 2);
        for (int i = 0; i + 1 < value.length; i += 2) {
            codes.add(Dhcp6OptionCode.of(Options6.u16(value, i)));
        }
        return codes;
    }

    /** {@return the value as a status code (option 13): a 16-bit code, then UTF-8 text}
     * @throws DhcpCodecException when the value is under 2 bytes */
    public StatusCode asStatusCode() {
        need(2);
        return new StatusCode(StatusCode.Code.of(Options6.u16(value, 0)),
                new String(value, 2, value.length - 2, StandardCharsets.UTF_8));
    }

    /** {@return the value as a list of IPv6 addresses (options 12, 23, 31)}
     * @throws DhcpCodecException when the length is not a multiple of 16 */
    public List<Inet6Address> asAddresses() {
        if (value.length % 16 != 0) {
            throw new DhcpCodecException("length " + value.length + " is not a multiple of 16", 0);
        }
        List<Inet6Address> out = new ArrayList<>(value.length / 16);
        for (int i = 0; i < value.length; i += 16) {
            out.add(Ipv6.read(value, i));
        }
        return out;
    }

    /** {@return the server addresses of an NTP server option (56), sub-option 1; other sub-options are skipped} */
    public List<Inet6Address> asNtpServerAddresses() {
        List<Inet6Address> out = new ArrayList<>();
        for (int i = 0; i + 4 <= value.length; ) {
            int sub = Options6.u16(value, i);
            int len = Options6.u16(value, i + 2);
            if (sub == 1 && len == 16 && i + 20 <= value.length) {
                out.add(Ipv6.read(value, i + 4));
            }
            i += 4 + len;
        }
        return out;
    }

    /** {@return a domain search list's names, without trailing dots} */
    public List<String> asDomainList() {
        return Names6.decodeList(value, 0, value.length, "domain list");
    }

    /** {@return the value as a client FQDN (option 39)}
     * @throws DhcpCodecException when the value is empty or the name does not parse */
    public Dhcp6Fqdn asFqdn() {
        need(1);
        StringBuilder name = new StringBuilder();
        int end = Names6.readName(value, 1, value.length, "FQDN", name, true);
        boolean fullyQualified = value.length > 1 && value[end - 1] == 0;
        return new Dhcp6Fqdn(value[0] & 0xFF, name.toString(), fullyQualified);
    }

    /** {@return the value as a 32-bit unsigned number (options 32, 82, 83)}
     * @throws DhcpCodecException when the value is not 4 bytes */
    public long asU32() {
        if (value.length != 4) {
            throw new DhcpCodecException("length " + value.length + " is not 4", 0);
        }
        return Options6.u32(value, 0);
    }

    /** {@return the value as UTF-8 text (option 103)} */
    public String asText() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** {@return the message inside a relay message option (9)} */
    public Dhcp6Message asRelayMessage() {
        return Dhcp6Decoder.decode(value, 0, value.length);
    }

    private void need(int length) {
        if (value.length < length) {
            throw new DhcpCodecException(Dhcp6OptionCode.of(code).name() + " of " + value.length + " bytes is under "
                    + length, 0);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dhcp6Option o && o.code == code && Arrays.equals(o.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(value);
    }

    /**
     * The value as people read it, in Wireshark's words: addresses and prefixes as text, lifetimes in seconds,
     * a DUID by its kind and fields, a status code by name with its message, option codes by name, nested options
     * in brackets; for an option of a code without a reading (or bytes that do not fit its type) {@code 0x} and
     * the value in hex. Assertion messages use it.
     *
     * @return the text, such as {@code iaid=1 T1=1800s T2=2880s [IAADDR(5) 2001:db8:1::100 preferred=3600s
     *     valid=7200s]}; empty for an option that carries nothing, such as rapid commit
     */
    public String valueText() {
        return Dhcp6Text.value(this);
    }

    /** {@code NAME(code) value}, the value as {@link #valueText()} reads it; {@code NAME(code)} alone when empty. */
    @Override
    public String toString() {
        return Dhcp6Text.option(this);
    }
}
