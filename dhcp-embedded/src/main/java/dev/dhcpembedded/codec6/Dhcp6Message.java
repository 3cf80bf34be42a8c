package dev.dhcpembedded.codec6;

import dev.dhcpembedded.internal.wire.Ipv6;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An immutable DHCPv6 message (RFC 8415 section 8 and 9): either the client/server format (msg-type, 24-bit
 * transaction id, options) or the relay format of RELAY-FORW and RELAY-REPL (msg-type, hop count, link address,
 * peer address, options). Options keep their wire order and bytes; typed views read the usual ones.
 */
public final class Dhcp6Message {

    /** Relay agents discard messages with a hop count at this limit (RFC 8415 section 7.6); nesting stops here. */
    public static final int HOP_COUNT_LIMIT = 32;

    private static final Inet6Address UNSPECIFIED = Ipv6.parse("::");

    private final int messageCode;
    private final int transactionId;
    private final int hopCount;
    private final Inet6Address linkAddress;
    private final Inet6Address peerAddress;
    private final List<Dhcp6Option> options;

    Dhcp6Message(int messageCode, int transactionId, int hopCount, Inet6Address linkAddress,
            Inet6Address peerAddress, List<Dhcp6Option> options) {
        this(messageCode, transactionId, hopCount, linkAddress, peerAddress, List.copyOf(options), true);
    }

    /** A message that takes {@code options} as its own: a list no one else holds or changes (nulls checked). */
    private Dhcp6Message(int messageCode, int transactionId, int hopCount, Inet6Address linkAddress,
            Inet6Address peerAddress, List<Dhcp6Option> options, boolean owned) {
        this.messageCode = messageCode;
        this.transactionId = transactionId;
        this.hopCount = hopCount;
        this.linkAddress = linkAddress;
        this.peerAddress = peerAddress;
        this.options = options;
    }

    /** A message over the decoder's fresh option list, which no one else holds. */
    static Dhcp6Message owning(int messageCode, int transactionId, int hopCount, Inet6Address linkAddress,
            Inet6Address peerAddress, List<Dhcp6Option> fresh) {
        return new Dhcp6Message(messageCode, transactionId, hopCount, linkAddress, peerAddress,
                Collections.unmodifiableList(fresh), true);
    }

    /**
     * A builder for a client/server message of {@code type}.
     *
     * @param type the message type; for RELAY-FORW and RELAY-REPL the builder takes the relay fields
     * @return a new builder
     */
    public static Builder builder(Dhcp6MessageType type) {
        return new Builder(type.code());
    }

    /**
     * A builder for a message of any msg-type code (1 to 255); 12 and 13 have the relay format.
     *
     * @param messageCode the msg-type, 1 to 255
     * @return a new builder
     * @throws IllegalArgumentException if {@code messageCode} is outside 1 to 255
     */
    public static Builder builder(int messageCode) {
        return new Builder(messageCode);
    }

    /** {@return a builder holding this message's fields and options, to make a changed copy} */
    public Builder toBuilder() {
        Builder b = new Builder(messageCode);
        b.transactionId = transactionId;
        b.hopCount = hopCount;
        b.linkAddress = linkAddress;
        b.peerAddress = peerAddress;
        b.options.addAll(options);
        return b;
    }

    /** {@return the msg-type byte, 1 to 255} */
    public int messageCode() {
        return messageCode;
    }

    /** {@return the type, or empty for codes RFC 8415 does not define} */
    public Optional<Dhcp6MessageType> type() {
        return Dhcp6MessageType.of(messageCode);
    }

    /**
     * Whether this message is of {@code type}.
     *
     * @param type the message type
     * @return whether the msg-type byte is {@code type}'s
     */
    public boolean is(Dhcp6MessageType type) {
        return messageCode == type.code();
    }

    /** {@return whether this message has the relay format (RELAY-FORW or RELAY-REPL)} */
    public boolean isRelay() {
        return isRelayCode(messageCode);
    }

    static boolean isRelayCode(int code) {
        return code == Dhcp6MessageType.RELAY_FORW.code() || code == Dhcp6MessageType.RELAY_REPL.code();
    }

    /** {@return the 24-bit transaction id; 0 for relay messages} */
    public int transactionId() {
        return transactionId;
    }

    /** {@return the hop count of a relay message, 0 to 255; 0 for the others} */
    public int hopCount() {
        return hopCount;
    }

    /** {@return the link address of a relay message; {@code ::} for the others} */
    public Inet6Address linkAddress() {
        return linkAddress;
    }

    /** {@return the peer address of a relay message; {@code ::} for the others} */
    public Inet6Address peerAddress() {
        return peerAddress;
    }

    /** {@return the top-level options in wire order} */
    public List<Dhcp6Option> options() {
        return options;
    }

    /**
     * The first option of {@code code}.
     *
     * @param code the option code
     * @return the option, or empty when absent
     */
    public Optional<Dhcp6Option> option(Dhcp6OptionCode code) {
        return Optional.ofNullable(first(code.code()));
    }

    /**
     * The first option of number {@code code}.
     *
     * @param code the option code, 0 to 65535
     * @return the option, or empty when absent
     */
    public Optional<Dhcp6Option> option(int code) {
        return Optional.ofNullable(first(code));
    }

    /**
     * Every option of {@code code}, in wire order.
     *
     * @param code the option code
     * @return the options; empty when there are none
     */
    public List<Dhcp6Option> options(Dhcp6OptionCode code) {
        List<Dhcp6Option> out = new ArrayList<>(2);
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).number() == code.code()) {
                out.add(options.get(i));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The first option of {@code code}, or null. */
    private Dhcp6Option first(int code) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).number() == code) {
                return options.get(i);
            }
        }
        return null;
    }

    /**
     * Whether it carries an option of {@code code}, whatever its value.
     *
     * @param code the option code
     * @return whether a top-level option has this code
     */
    public boolean hasOption(Dhcp6OptionCode code) {
        return first(code.code()) != null;
    }

    private Dhcp6Option first(Dhcp6OptionCode code) {
        return first(code.code());
    }

    /** {@return the client's DUID (option 1), or empty when absent} */
    public Optional<Duid> clientId() {
        Dhcp6Option o = first(Dhcp6OptionCode.CLIENTID);
        return o == null ? Optional.empty() : Optional.of(o.asDuid());
    }

    /** {@return the server's DUID (option 2), or empty when absent} */
    public Optional<Duid> serverId() {
        Dhcp6Option o = first(Dhcp6OptionCode.SERVERID);
        return o == null ? Optional.empty() : Optional.of(o.asDuid());
    }

    /** {@return the IA_NA options (3), in wire order; empty when there are none} */
    public List<IaNa> iaNa() {
        List<IaNa> out = new ArrayList<>(1);
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).number() == Dhcp6OptionCode.IA_NA.code()) {
                out.add(options.get(i).asIaNa());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return the IA_PD options (25), in wire order; empty when there are none} */
    public List<IaPd> iaPd() {
        List<IaPd> out = new ArrayList<>(1);
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).number() == Dhcp6OptionCode.IA_PD.code()) {
                out.add(options.get(i).asIaPd());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return the option request option's codes (6), in order; empty when absent} */
    public List<Dhcp6OptionCode> oro() {
        Dhcp6Option o = first(Dhcp6OptionCode.ORO);
        return o == null ? List.of() : o.asCodes();
    }

    /** {@return the preference (option 7), 0 to 255, or empty when absent} */
    public OptionalInt preference() {
        return option(Dhcp6OptionCode.PREFERENCE).map(o -> OptionalInt.of(o.value()[0] & 0xFF))
                .orElse(OptionalInt.empty());
    }

    /** {@return the elapsed time (option 8) in hundredths of a second, or empty when absent} */
    public OptionalInt elapsedTime() {
        return option(Dhcp6OptionCode.ELAPSED_TIME).map(o -> OptionalInt.of(Options6.u16(o.value(), 0)))
                .orElse(OptionalInt.empty());
    }

    /** {@return the message-level status code (option 13), or empty when absent} */
    public Optional<StatusCode> statusCode() {
        return option(Dhcp6OptionCode.STATUS_CODE).map(Dhcp6Option::asStatusCode);
    }

    /** {@return whether it carries rapid commit (option 14)} */
    public boolean rapidCommit() {
        return hasOption(Dhcp6OptionCode.RAPID_COMMIT);
    }

    /** {@return the DNS recursive name servers (option 23, RFC 3646), in order; empty when absent} */
    public List<Inet6Address> dnsServers() {
        return option(Dhcp6OptionCode.DNS_SERVERS).map(Dhcp6Option::asAddresses).orElse(List.of());
    }

    /** {@return the domain search list (option 24, RFC 3646), in order; empty when absent} */
    public List<String> domainList() {
        return option(Dhcp6OptionCode.DOMAIN_LIST).map(Dhcp6Option::asDomainList).orElse(List.of());
    }

    /** {@return the SNTP servers (option 31, RFC 4075), in order; empty when absent} */
    public List<Inet6Address> sntpServers() {
        return option(Dhcp6OptionCode.SNTP_SERVERS).map(Dhcp6Option::asAddresses).orElse(List.of());
    }

    /** {@return the NTP server addresses (option 56, RFC 5908), in order; empty when absent} */
    public List<Inet6Address> ntpServers() {
        return option(Dhcp6OptionCode.NTP_SERVER).map(Dhcp6Option::asNtpServerAddresses).orElse(List.of());
    }

    /** {@return the client FQDN (option 39, RFC 4704), or empty when absent} */
    public Optional<Dhcp6Fqdn> fqdn() {
        return option(Dhcp6OptionCode.CLIENT_FQDN).map(Dhcp6Option::asFqdn);
    }

    /** {@return the captive portal URI (option 103, RFC 8910), or empty when absent} */
    public Optional<String> captivePortal() {
        return option(Dhcp6OptionCode.CAPTIVE_PORTAL).map(Dhcp6Option::asText);
    }

    /** {@return SOL_MAX_RT (option 82) in seconds, or empty when absent} */
    public OptionalLong solMaxRt() {
        return option(Dhcp6OptionCode.SOL_MAX_RT).map(o -> OptionalLong.of(o.asU32())).orElse(OptionalLong.empty());
    }

    /** {@return the interface-id option (18) of a relay message, or empty when absent} */
    public Optional<byte[]> interfaceId() {
        return option(Dhcp6OptionCode.INTERFACE_ID).map(Dhcp6Option::value);
    }

    /** {@return the remote-id option (37) of a relay message, enterprise number included; empty when absent} */
    public Optional<byte[]> remoteId() {
        return option(Dhcp6OptionCode.REMOTE_ID).map(Dhcp6Option::value);
    }

    /** {@return the message inside a relay message's option 9, or empty when absent} */
    public Optional<Dhcp6Message> relayMessage() {
        return option(Dhcp6OptionCode.RELAY_MSG).map(Dhcp6Option::asRelayMessage);
    }

    /** {@return the client's message inside every relay layer (this message itself when it is not relayed)} */
    public Dhcp6Message innermost() {
        Dhcp6Message m = this;
        while (m.isRelay()) {
            Optional<Dhcp6Message> inner = m.relayMessage();
            if (inner.isEmpty()) {
                return m;
            }
            m = inner.get();
        }
        return m;
    }

    /** {@return the name of the type as RFC 8415 spells it, or {@code TYPE_n}} */
    public String typeName() {
        return type().map(Dhcp6MessageType::rfcName).orElse("TYPE_" + messageCode);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dhcp6Message m && m.messageCode == messageCode && m.transactionId == transactionId
                && m.hopCount == hopCount && m.linkAddress.equals(linkAddress) && m.peerAddress.equals(peerAddress)
                && m.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageCode, transactionId, hopCount, linkAddress, peerAddress, options);
    }

    /**
     * The message as people read it, every option by its fields: for example {@code REPLY xid=0x00002a
     * [CLIENTID(1) DUID-LL hw=Ethernet(1) lladdr=02:00:00:00:00:0a, IA_NA(3) iaid=1 T1=1800s T2=2880s
     * [IAADDR(5) 2001:db8:1::100 preferred=3600s valid=7200s]]}; a relay message shows the message it carries.
     */
    @Override
    public String toString() {
        return Dhcp6Text.message(this);
    }

    /** Builds a message; each setter returns this builder. */
    public static final class Builder {
        private final int messageCode;
        private int transactionId;
        private int hopCount;
        private Inet6Address linkAddress = UNSPECIFIED;
        private Inet6Address peerAddress = UNSPECIFIED;
        private final List<Dhcp6Option> options = new ArrayList<>(8);

        private Builder(int messageCode) {
            if (messageCode < 1 || messageCode > 255) {
                throw new IllegalArgumentException("msg-type " + messageCode + " is outside 1..255");
            }
            this.messageCode = messageCode;
        }

        /**
         * The 24-bit transaction id (client/server messages only).
         *
         * @param xid the transaction id, 0 to 0xffffff
         * @return this builder
         * @throws IllegalArgumentException if {@code xid} is outside 0 to 0xffffff
         * @throws IllegalStateException for a relay message
         */
        public Builder transactionId(int xid) {
            if (xid < 0 || xid > 0xFFFFFF) {
                throw new IllegalArgumentException("transaction id " + xid + " is outside 0..0xffffff");
            }
            requireFormat(false, "a transaction id");
            this.transactionId = xid;
            return this;
        }

        /**
         * The hop count (relay messages only).
         *
         * @param hopCount the hop count, 0 to 255
         * @return this builder
         * @throws IllegalArgumentException if {@code hopCount} is outside 0 to 255
         * @throws IllegalStateException for a client/server message
         */
        public Builder hopCount(int hopCount) {
            if (hopCount < 0 || hopCount > 255) {
                throw new IllegalArgumentException("hop count " + hopCount + " is outside 0..255");
            }
            requireFormat(true, "a hop count");
            this.hopCount = hopCount;
            return this;
        }

        /**
         * The link address (relay messages only).
         *
         * @param address the address, not null
         * @return this builder
         * @throws IllegalStateException for a client/server message
         */
        public Builder linkAddress(Inet6Address address) {
            requireFormat(true, "a link address");
            this.linkAddress = Objects.requireNonNull(address);
            return this;
        }

        /**
         * The link address (relay messages only), as text.
         *
         * @param address an IPv6 address, e.g. {@code 2001:db8:1::1}
         * @return this builder
         * @throws IllegalStateException for a client/server message
         */
        public Builder linkAddress(String address) {
            return linkAddress(Ipv6.parse(address));
        }

        /**
         * The peer address (relay messages only): the client's or the previous relay agent's address.
         *
         * @param address the address, not null
         * @return this builder
         * @throws IllegalStateException for a client/server message
         */
        public Builder peerAddress(Inet6Address address) {
            requireFormat(true, "a peer address");
            this.peerAddress = Objects.requireNonNull(address);
            return this;
        }

        /**
         * The peer address (relay messages only), as text.
         *
         * @param address an IPv6 address, e.g. {@code fe80::1}
         * @return this builder
         * @throws IllegalStateException for a client/server message
         */
        public Builder peerAddress(String address) {
            return peerAddress(Ipv6.parse(address));
        }

        /**
         * Adds an option at the end.
         *
         * @param option the option, not null
         * @return this builder
         */
        public Builder option(Dhcp6Option option) {
            options.add(Objects.requireNonNull(option));
            return this;
        }

        /**
         * Replaces every option of this code with {@code option}, at the place of the first (or the end).
         *
         * @param option the option, not null
         * @return this builder
         */
        public Builder replaceOption(Dhcp6Option option) {
            int at = -1;
            for (int i = options.size() - 1; i >= 0; i--) {
                if (options.get(i).number() == option.number()) {
                    options.remove(i);
                    at = i;
                }
            }
            options.add(at < 0 ? options.size() : at, option);
            return this;
        }

        /**
         * Removes every option of {@code code}.
         *
         * @param code the option code
         * @return this builder
         */
        public Builder removeOption(Dhcp6OptionCode code) {
            options.removeIf(o -> o.number() == code.code());
            return this;
        }

        /**
         * Removes every option.
         *
         * @return this builder
         */
        public Builder clearOptions() {
            options.clear();
            return this;
        }

        private void requireFormat(boolean relay, String what) {
            if (isRelayCode(messageCode) != relay) {
                throw new IllegalStateException("msg-type " + messageCode + " has no " + what);
            }
        }

        /** {@return the message, with the options added so far} */
        public Dhcp6Message build() {
            return owning(messageCode, transactionId, hopCount, linkAddress, peerAddress, new ArrayList<>(options));
        }
    }
}
