package dev.dhcpembedded.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.transport.Datagram;
import dev.dhcpembedded.transport.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No datagram ends a receive loop: a receiver that throws an {@link Error} (here an {@link OutOfMemoryError}, as a
 * full heap would) loses that datagram only; the loop journals what happened through
 * {@link Transport.Receiver#onTransportEvent}, at a bounded rate under a flood of them, and serves the next one.
 */
class ReceiveLoopErrorTest {

    @Test
    void anErrorOnOneDatagramDropsItJournalsItAndTheLoopGoesOn() throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        List<Byte> served = new CopyOnWriteArrayList<>();
        Transport.Receiver receiver = new Transport.Receiver() {
            @Override
            public void onDatagram(Datagram datagram) {
                byte first = datagram.bytes()[0];
                if (first == 'E') {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                if (first == 'S') {
                    throw new StackOverflowError();
                }
                served.add(first);
            }

            @Override
            public void onTransportEvent(String note) {
                notes.add(note);
            }
        };
        LoopbackTransport transport = new LoopbackTransport(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        transport.start(receiver);
        try (DatagramChannel client = DatagramChannel.open()) {
            InetSocketAddress server = transport.localAddress();
            client.send(ByteBuffer.wrap(new byte[] {'E'}), server);
            client.send(ByteBuffer.wrap(new byte[] {'1'}), server);
            awaitServed(served, 1);
            assertThat(notes).as("the first Error is journaled").hasSize(1);
            assertThat(notes.get(0)).contains("OutOfMemoryError").contains("still serving");

            // a flood of failing datagrams: served between them, and journaled at a bounded rate, not one each
            for (int i = 0; i < 500; i++) {
                client.send(ByteBuffer.wrap(new byte[] {i % 2 == 0 ? (byte) 'S' : (byte) 'E'}), server);
                if (i % 50 == 0) {
                    client.send(ByteBuffer.wrap(new byte[] {'2'}), server);
                }
            }
            client.send(ByteBuffer.wrap(new byte[] {'3'}), server);
            awaitServed(served, 2 + 10);
            assertThat(served).last().isEqualTo((byte) '3');
            assertThat(notes).as("at most one note a second, besides the first Error").hasSizeLessThanOrEqualTo(4);
        } finally {
            transport.close();
        }
    }

    private static void awaitServed(List<Byte> served, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (served.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(served).as("datagrams the loop served").hasSizeGreaterThanOrEqualTo(count);
    }
}
