package dev.dhcpembedded.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Regression tests for the encoder's size limit. */
class EncoderLimitTest {

    @Test
    void optionsThatFitTheEstimateButNotTheSplitFieldsAreACodecErrorNotAnArrayIndexError() {
        // 242 value bytes: 244 by the estimate, under the 246 a 300-byte packet holds; but split over the options,
        // file and sname fields it needs 2 bytes per piece more. Used to throw ArrayIndexOutOfBoundsException.
        DhcpMessage m = DhcpMessage.builder().option(DhcpOption.of(224, new byte[242])).build();
        DhcpCodecException e = catchThrowableOfType(DhcpCodecException.class, () -> DhcpEncoder.encode(m, 300));
        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(-1);
        assertThat(e.reason()).startsWith("the options need 244 bytes but a packet of at most 300 bytes holds 246");
    }

    @Test
    void optionsThatFitAfterSplittingAreEncodedAndDecodeBack() {
        DhcpMessage m = DhcpMessage.builder().option(DhcpOption.of(224, new byte[238])).build();
        byte[] encoded = DhcpEncoder.encode(m, 300);
        assertThat(encoded).hasSize(300);
        assertThat(DhcpDecoder.decode(encoded)).isEqualTo(m);
    }
}
