package dev.dhcpembedded.internal.transport;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Frees a direct buffer's native memory as soon as its owner is done with it, rather than whenever a collection
 * finds the buffer unreachable. A receiving thread's 64 KiB buffer then goes back to the allocator when its server
 * stops, and the next server's thread gets memory that is already mapped: a suite that starts and stops hundreds of
 * servers between two collections neither grows its native memory nor faults fresh pages in at each start. It uses
 * {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, there since Java 9 for this very purpose); where
 * that is missing, the buffer is left to the collector, as before.
 */
final class DirectBuffers {

    /** The one Unsafe; null when this JVM does not offer it. */
    private static final Object UNSAFE;
    /** Its {@code invokeCleaner(ByteBuffer)}, called by reflection: a method handle would spin classes at stop(). */
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = type.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = theUnsafe.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unsafe = null;
            invokeCleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private DirectBuffers() {
    }

    /** Frees {@code buffer}, a direct buffer of one's own that nothing reads or writes any more. */
    static void free(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || buffer == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) { // never expected; the collector frees it later
            return;
        }
    }
}
