package dev.dhcpembedded.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a message's details, as Wireshark's details pane shows it: a label, a value as people read it, and
 * the fields inside it (an option's sub-options, a relayed message).
 *
 * @param label    e.g. {@code Transaction ID} or {@code Option (12) HOST_NAME}
 * @param value    e.g. {@code 0x3d1d} or {@code "probe"}; empty when the label says it all
 * @param children the fields inside, in wire order
 */
record Field(String label, String value, List<Field> children) {

    Field {
        children = List.copyOf(children);
    }

    static Field of(String label, Object value) {
        return new Field(label, String.valueOf(value), List.of());
    }

    static Field group(String label, String value, List<Field> children) {
        return new Field(label, value, children);
    }

    /** Collects the fields of one level. */
    static final class Fields {
        private final List<Field> list = new ArrayList<>();

        Fields add(String label, Object value) {
            list.add(Field.of(label, value));
            return this;
        }

        Fields add(Field field) {
            list.add(field);
            return this;
        }

        List<Field> list() {
            return list;
        }
    }
}
