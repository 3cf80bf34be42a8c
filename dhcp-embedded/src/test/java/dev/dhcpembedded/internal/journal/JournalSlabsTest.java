package dev.dhcpembedded.internal.journal;


import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.codec.DhcpCodecException;
import dev.dhcpembedded.journal.Journal;
import dev.dhcpembedded.journal.JournalEntry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's slab ring: lazy growth, wrap-around with reuse, eviction counts, and what an entry keeps. */
class JournalSlabsTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

    private static void record(Journal journal, int n, byte[] payload, String note) {
        ((JournalStore) journal).append(new JournalRecord().of(JournalEntry.Kind.SENT, 1000 + n, 2000 + n)
                .ends(0x0A140001, 67, 0x0A140064, 68).peer(PEER, "lo").payload(payload).note(note));
    }

    private static byte[] payload(int n, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (n + i);
        }
        return bytes;
    }

    @Test
    void anIdleJournalAllocatesNoSlabAndTheFirstOneIsSmall() {
        JournalStore journal = new JournalStore(Journal.DEFAULT_CAPACITY);
        assertThat(journal.slabs().slabsAllocated()).isZero();
        assertThat(journal.slabs().liveSlabs()).isZero();

        record(journal, 1, payload(1, 300), "first");

        assertThat(journal.slabs().slabsAllocated()).isEqualTo(1);
        for (int i = 2; i <= JournalSlabs.FIRST_SLAB_SLOTS; i++) {
            record(journal, i, payload(i, 300), "n" + i);
        }
        assertThat(journal.slabs().slabsAllocated()).as("the first slab holds %d entries",
                JournalSlabs.FIRST_SLAB_SLOTS).isEqualTo(1);
        record(journal, 99, payload(99, 300), "next");
        assertThat(journal.slabs().slabsAllocated()).isEqualTo(2);
    }

    @Test
    void wrapsAroundKeepingTheNewestEntriesAndReusesItsSlabs() {
        int capacity = 1000;
        JournalStore journal = new JournalStore(capacity);
        for (int i = 1; i <= 3 * capacity; i++) {
            record(journal, i, payload(i, 250 + i % 200), "note " + i);
        }
        long slabsAfterWrapping = journal.slabs().slabsAllocated();
        assertThat(slabsAfterWrapping).as("slabs for %d entries", capacity)
                .isLessThanOrEqualTo(1 + capacity / JournalSlabs.SLAB_SLOTS + 2);

        int more = 10 * capacity;
        for (int i = 3 * capacity + 1; i <= 3 * capacity + more; i++) {
            record(journal, i, payload(i, 250 + i % 200), "note " + i);
        }

        assertThat(journal.slabs().slabsAllocated()).as("no new slab once wrapped").isEqualTo(slabsAfterWrapping);
        int total = 3 * capacity + more;
        assertThat(journal.size()).isEqualTo(capacity);
        assertThat(journal.appended()).isEqualTo(total);
        assertThat(journal.evicted()).isEqualTo(total - capacity);
        List<JournalEntry> entries = journal.entries();
        assertThat(entries).hasSize(capacity);
        for (int k = 0; k < capacity; k++) {
            int n = total - capacity + 1 + k;
            JournalEntry e = entries.get(k);
            assertThat(e.sequence()).isEqualTo(n);
            assertThat(e.bytes()).isEqualTo(payload(n, 250 + n % 200));
            assertThat(e.note()).isEqualTo("note " + n);
            assertThat(e.serverTime().toEpochMilli()).isEqualTo(1000 + n);
            assertThat(e.wallTime().toEpochMilli()).isEqualTo(2000 + n);
            assertThat(e.source()).isEqualTo(new InetSocketAddress("10.20.0.1", 67));
            assertThat(e.destination()).isEqualTo(new InetSocketAddress("10.20.0.100", 68));
            assertThat(e.peer()).isEqualTo(PEER);
            assertThat(e.interfaceName()).isEqualTo("lo");
            assertThat(e.kind()).isEqualTo(JournalEntry.Kind.SENT);
        }
    }

    @Test
    void tinyCapacitiesKeepExactlyTheirNewestEntries() {
        for (int capacity : new int[] {1, 2, 3, 17}) {
            JournalStore journal = new JournalStore(capacity);
            for (int i = 1; i <= 100; i++) {
                record(journal, i, payload(i, 10), "#" + i);
                List<String> notes = new ArrayList<>();
                journal.entries().forEach(e -> notes.add(e.note()));
                List<String> expected = new ArrayList<>();
                for (int n = Math.max(1, i - capacity + 1); n <= i; n++) {
                    expected.add("#" + n);
                }
                assertThat(notes).as("capacity %d after %d", capacity, i).isEqualTo(expected);
            }
            assertThat(journal.evicted()).isEqualTo(100 - capacity);
            assertThat(journal.slabs().slabsAllocated()).as("capacity %d", capacity).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aPayloadLongerThanTheSnapLengthIsKeptCutWithItsOriginalLength() {
        JournalStore journal = new JournalStore(4);
        byte[] big = payload(7, 60_000);
        byte[] whole = payload(8, Journal.SNAP_LENGTH);
        record(journal, 1, payload(1, 300), "small");
        record(journal, 2, big, "big");
        record(journal, 3, payload(3, 300), "small again");
        record(journal, 4, whole, "just the snap length");
        JournalEntry cut = journal.entries().get(1);
        assertThat(cut.bytes()).isEqualTo(java.util.Arrays.copyOf(big, Journal.SNAP_LENGTH));
        assertThat(cut.originalLength()).isEqualTo(60_000);
        assertThat(cut.note()).isEqualTo("big");
        assertThat(cut.message()).isEmpty();
        assertThat(cut.error()).hasValueSatisfying(e -> assertThat(e.reason()).contains("kept 4096 of 60000 bytes"));
        assertThat(journal.entries().get(2).note()).isEqualTo("small again");
        assertThat(journal.entries().get(2).originalLength()).isEqualTo(300);
        assertThat(journal.entries().get(3).bytes()).isEqualTo(whole);
        assertThat(journal.entries().get(3).originalLength()).isEqualTo(Journal.SNAP_LENGTH);
    }

    @Test
    void theStorageStaysWithinItsByteBoundAndCountsWhatItDropped() {
        JournalStore journal = new JournalStore(Journal.DEFAULT_CAPACITY, JournalStore.MIN_BYTES);
        for (int n = 1; n <= 3_000; n++) {
            record(journal, n, payload(n, n % 3 == 0 ? 65_507 : 300), "#" + n);
            assertThat(journal.bytesKept()).as("after %d entries", n).isLessThanOrEqualTo(JournalStore.MIN_BYTES);
        }
        assertThat(journal.evicted()).isPositive();
        assertThat(journal.size() + journal.evicted()).isEqualTo(3_000);
        List<JournalEntry> kept = journal.entries();
        assertThat(kept.get(kept.size() - 1).note()).isEqualTo("#3000");
        assertThat(kept.get(0).sequence()).isEqualTo(journal.evicted() + 1);
        assertThat(journal.evictionNote()).isEqualTo("the journal dropped " + journal.evicted()
                + " oldest entries (bounds: 10000 entries, 1048576 bytes)");
        journal.clear();
        assertThat(journal.bytesKept()).isZero();
        assertThat(journal.evictionNote()).isEmpty();
    }

    @Test
    void notesOfAnyTextAndNoNoteComeBackAsWritten() {
        JournalStore journal = new JournalStore(10);
        record(journal, 1, payload(1, 20), "REQUEST(SELECTING) for 10.20.0.100: ACK");
        record(journal, 2, payload(2, 20), "stub → ignore, ünïcode ✓");
        record(journal, 3, payload(3, 20), null);
        record(journal, 4, payload(4, 20), "");
        assertThat(journal.entries()).extracting(JournalEntry::note).containsExactly(
                "REQUEST(SELECTING) for 10.20.0.100: ACK", "stub → ignore, ünïcode ✓", null, "");
    }

    @Test
    void storesACopyDecodesLazilyAndKeepsWhatWasRead() {
        JournalStore journal = new JournalStore(10);
        byte[] bytes = payload(1, 30);
        record(journal, 1, bytes, "x");
        bytes[0] = 99;
        JournalEntry first = journal.entries().get(0);
        assertThat(first.bytes()[0]).isEqualTo((byte) 1);
        assertThat(journal.entries().get(0)).as("the second read reuses the first").isSameAs(first);
        assertThat(first.error()).as("30 bytes are no DHCP message: decoded on read").isPresent();
    }

    @Test
    void aRejectedDatagramKeepsItsErrorAndIsCounted() {
        JournalStore journal = new JournalStore(10);
        DhcpCodecException error = new DhcpCodecException("too short", 3);
        journal.append(new JournalRecord().of(JournalEntry.Kind.REJECTED, 1, 2).ends(0, 68, 0, 67)
                .peer(PEER, "eth9").payload(new byte[3]).note("dropped: too short").error(error));
        assertThat(journal.rejectedCount()).isEqualTo(1);
        assertThat(journal.rejected()).singleElement().satisfies(e -> {
            assertThat(e.error()).containsSame(error);
            assertThat(e.interfaceName()).isEqualTo("eth9");
        });
    }

    @Test
    void listenersSeeEachEntryAndTheJournalDoesNotKeepThem() {
        JournalStore journal = new JournalStore(10);
        List<JournalEntry> seen = new ArrayList<>();
        journal.addListener(seen::add);
        record(journal, 1, payload(1, 30), "a");
        record(journal, 2, payload(2, 30), "b");
        assertThat(seen).extracting(JournalEntry::note).containsExactly("a", "b");
        assertThat(seen).extracting(JournalEntry::sequence).containsExactly(1L, 2L);
    }

    @Test
    void clearLetsEverySlabGoAndNumberingGoesOn() {
        JournalStore journal = new JournalStore(100);
        for (int i = 1; i <= 150; i++) {
            record(journal, i, payload(i, 100), "n");
        }
        journal.clear();
        assertThat(journal.slabs().liveSlabs()).isZero();
        assertThat(journal.slabs().slabsAllocated()).isZero();
        assertThat(journal.size()).isZero();
        assertThat(journal.evicted()).isZero();
        record(journal, 151, payload(151, 100), "after");
        assertThat(journal.entries()).singleElement().satisfies(e -> assertThat(e.sequence()).isEqualTo(151));
    }
}
