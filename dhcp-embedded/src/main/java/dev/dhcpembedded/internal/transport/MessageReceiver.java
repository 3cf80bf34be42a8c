package dev.dhcpembedded.internal.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * recvmsg(2) for the project's native sockets, with one reused {@code struct msghdr} (the LP64 layout of x86-64 and
 * aarch64), its iovec, the buffer the message lands in, the sender's address and the control messages: the layout
 * and the walk over control messages live here only. One receiving thread per instance.
 */
public final class MessageReceiver {

    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    static {
        Native.register(MessageReceiver.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private static native long recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    private final Memory buffer;
    private final Memory name;
    private final Memory iov = new Memory(16);
    private final Memory control = new Memory(128);
    private final Memory header = new Memory(56);
    private final String device;
    private final BooleanSupplier closed;

    /**
     * @param bufferBytes the largest message kept whole
     * @param nameBytes   the size of the sender's address structure (16 for sockaddr_in, 28 for sockaddr_in6)
     * @param device      the interface, for error messages
     * @param closed      whether the socket was closed: a failure after a close is the close, not an error
     */
    public MessageReceiver(int bufferBytes, int nameBytes, String device, BooleanSupplier closed) {
        this.buffer = new Memory(bufferBytes);
        this.name = new Memory(nameBytes);
        this.device = device;
        this.closed = closed;
    }

    /**
     * Blocks until a message arrives on {@code fd} (retrying a receive timeout or a signal) and returns its length,
     * or -1 once the socket is closed. The message is then in {@link #buffer()}, its sender in {@link #name()}.
     */
    public long receive(int fd) throws IOException {
        while (!closed.getAsBoolean()) {
            iov.setPointer(0, buffer);
            iov.setLong(8, buffer.size());
            header.clear();
            header.setPointer(0, name);
            header.setInt(8, (int) name.size());
            header.setPointer(16, iov);
            header.setLong(24, 1);
            header.setPointer(32, control);
            header.setLong(40, control.size());
            long length;
            try {
                length = recvmsg(fd, header, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                    continue;
                }
                if (closed.getAsBoolean()) {
                    return -1;
                }
                throw new IOException("recvmsg on " + device + ": " + e.getMessage());
            }
            return closed.getAsBoolean() ? -1 : length;
        }
        return -1;
    }

    /** Where the message last received is. */
    public Memory buffer() {
        return buffer;
    }

    /** The sender's address structure of the message last received. */
    public Memory name() {
        return name;
    }

    /** The control messages of the message last received. */
    public Memory control() {
        return control;
    }

    /**
     * Where, in {@link #control()}, the data of the first control message of {@code level} and {@code type} with at
     * least {@code bytes} of data starts, for the message last received; -1 when there is none.
     */
    public long controlData(int level, int type, int bytes) {
        long controlLength = header.getLong(40);
        long at = 0;
        while (at + 16 <= controlLength) {
            long length = control.getLong(at);
            if (control.getInt(at + 8) == level && control.getInt(at + 12) == type && length >= 16 + bytes) {
                return at + 16;
            }
            if (length <= 0) {
                break;
            }
            at += (length + 7) & ~7L;
        }
        return -1;
    }
}
