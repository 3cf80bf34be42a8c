package dev.dhcpembedded.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiving threads' direct buffers go from a stopped server to the next one, and no more are kept than a few. */
class DirectBuffersTest {

    @Test
    void aBufferGivenBackIsTheNextOneTakenCleared() {
        ByteBuffer first = DirectBuffers.take();
        assertTrue(first.isDirect());
        assertEquals(DirectBuffers.CAPACITY, first.capacity());
        first.put((byte) 1).flip();
        DirectBuffers.give(first);

        ByteBuffer second = DirectBuffers.take();
        assertSame(first, second);
        assertEquals(0, second.position());
        assertEquals(DirectBuffers.CAPACITY, second.limit());
        DirectBuffers.give(second);
    }

    @Test
    void atMostKeptIdleBuffersAreKept() {
        List<ByteBuffer> taken = new ArrayList<>();
        for (int i = 0; i < DirectBuffers.KEPT + 3; i++) {
            taken.add(DirectBuffers.take());
        }
        taken.forEach(DirectBuffers::give);
        assertEquals(DirectBuffers.KEPT, DirectBuffers.idle());
        DirectBuffers.give(ByteBuffer.allocate(DirectBuffers.CAPACITY)); // not one of them: ignored
        assertEquals(DirectBuffers.KEPT, DirectBuffers.idle());
    }

    @Test
    void aStoppedLoopbackTransportGivesItsReceiveBufferBack() throws Exception {
        ByteBuffer marker = DirectBuffers.take();
        List<ByteBuffer> drained = new ArrayList<>();
        while (DirectBuffers.idle() > 0) {
            drained.add(DirectBuffers.take());
        }
        DirectBuffers.give(marker); // now the only idle one: the transport's thread takes it
        LoopbackTransport transport = new LoopbackTransport(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        transport.start(datagram -> { });
        for (int i = 0; i < 200 && DirectBuffers.idle() != 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, DirectBuffers.idle(), "the receiving thread took the idle buffer");
        transport.close();
        assertEquals(1, DirectBuffers.idle(), "close() waits for the thread, which gives its buffer back");
        ByteBuffer back = DirectBuffers.take();
        assertSame(marker, back);
        DirectBuffers.give(back);
        drained.forEach(DirectBuffers::give);
    }
}
