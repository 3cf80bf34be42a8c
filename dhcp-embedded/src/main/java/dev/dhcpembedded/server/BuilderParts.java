package dev.dhcpembedded.server;

import dev.dhcpembedded.codec.DhcpOption;
import dev.dhcpembedded.internal.engine.Cidr;
import dev.dhcpembedded.internal.engine.SubnetConfig;
import dev.dhcpembedded.internal.transport.LoopbackTransport;
import dev.dhcpembedded.transport.Transport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The deferred parts of a {@link DhcpServerBuilder}: what it keeps until build() and start() make them. */
final class BuilderParts {

    private BuilderParts() {
    }

    /** A subnet as {@link #subnet} was given it, shaped at build() with the server-wide options. */
    static final class PendingSubnet implements Function<List<DhcpOption>, SubnetConfig> {
        private final String cidr;
        private final Consumer<SubnetBuilder> shape;

        PendingSubnet(String cidr, Consumer<SubnetBuilder> shape) {
            this.cidr = cidr;
            this.shape = shape;
        }

        @Override
        public SubnetConfig apply(List<DhcpOption> globals) {
            SubnetBuilder builder = new SubnetBuilder(Cidr.parse(cidr));
            shape.accept(builder);
            return builder.build(globals);
        }
    }

    /** A loopback transport on {@code address}, given the receive buffer. */
    static final class Loopback implements IntFunction<Transport> {
        private final InetSocketAddress address;

        Loopback(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public Transport apply(int receiveBuffer) {
            return new LoopbackTransport(address, receiveBuffer);
        }
    }

    /** The IPv4 transport factory with the receive buffer the builder had. */
    static final class Sized implements Supplier<Transport> {
        private final IntFunction<Transport> factory;
        private final int receiveBuffer;

        Sized(IntFunction<Transport> factory, int receiveBuffer) {
            this.factory = factory;
            this.receiveBuffer = receiveBuffer;
        }

        @Override
        public Transport get() {
            return factory.apply(receiveBuffer);
        }
    }
}
