package dev.dhcpembedded.codec6;

import java.util.List;
import java.util.Optional;

/** Helpers shared by the IA records. */
final class Ia {

    private Ia() {
    }

    static void checkU32(String what, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0..4294967295");
        }
    }

    static Optional<StatusCode> status(List<Dhcp6Option> options) {
        return options.stream().filter(o -> o.number() == Dhcp6OptionCode.STATUS_CODE.code()).findFirst()
                .map(Dhcp6Option::asStatusCode);
    }
}
