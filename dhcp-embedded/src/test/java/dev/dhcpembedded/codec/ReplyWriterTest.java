package dev.dhcpembedded.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dhcpembedded.internal.wire.ReplyWriter;
import dev.dhcpembedded.internal.wire.WireRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server writes its replies with {@link ReplyWriter} rather than through {@link DhcpMessageBuilder} and the
 * encoder: for any header and any sequence of options (repeated codes replaced at their place, long values, 82
 * anywhere), the bytes must be the encoder's, byte for byte, and read back the same through {@link WireRequest}.
 */
class ReplyWriterTest {

    @Test
    void writesWhatTheEncoderWrites() {
        ReplyWriter writer = new ReplyWriter();
        WireRequest reader = new WireRequest();
        for (long seed = 0; seed < 2_000; seed++) {
            RandomMessages random = new RandomMessages(seed);
            DhcpMessage first = random.message();
            DhcpMessage second = random.message();
            List<DhcpOption> sequence = new ArrayList<>(first.options());
            sequence.addAll(second.options()); // the same codes again: replaced where they first were
            sequence.addAll(first.options().subList(0, first.options().size() / 2));

            DhcpMessageBuilder builder = DhcpMessage.builder().op(first.op()).htype(first.htype())
                    .hlen(first.hlen()).xid(first.xid()).flags(first.flags()).giaddr(first.giaddr())
                    .ciaddr(first.ciaddr()).yiaddr(first.yiaddr()).siaddr(first.siaddr())
                    .chaddrBytes(first.chaddr());
            sequence.forEach(builder::option);
            byte[] expected = DhcpCodec.encode(builder.build());

            writer.begin(first.op(), first.htype(), first.hlen(), first.chaddr(), 0, first.xid(), first.flags(),
                    dev.dhcpembedded.internal.wire.Ipv4.toInt(first.giaddr()));
            writer.ciaddr(dev.dhcpembedded.internal.wire.Ipv4.toInt(first.ciaddr()));
            writer.yiaddr(dev.dhcpembedded.internal.wire.Ipv4.toInt(first.yiaddr()));
            writer.siaddr(dev.dhcpembedded.internal.wire.Ipv4.toInt(first.siaddr()));
            sequence.forEach(o -> writer.option(o.code().code(), o.value(), 0, o.length()));
            int length = writer.finish();

            assertArrayEquals(expected, Arrays.copyOf(writer.bytes(), length), "seed " + seed);
            reader.parse(writer.bytes(), length, null);
            assertEquals(builder.build().options().size(), reader.optionCount(), "seed " + seed);
        }
    }
}
