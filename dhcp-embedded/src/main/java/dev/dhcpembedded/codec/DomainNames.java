package dev.dhcpembedded.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFC 1035 domain names in wire format: with compression for option 119 (RFC 3397), without for option 81. */
final class DomainNames {

    private static final int MAX_NAME_LENGTH = 255;

    private DomainNames() {
    }

    /** Decodes option 119's names. Pointers must point strictly backwards, so loops and forward pointers fail. */
    static List<String> decodeSearchList(byte[] value, int baseOffset) {
        List<String> names = new ArrayList<>();
        int position = 0;
        while (position < value.length) {
            StringBuilder name = new StringBuilder();
            position = readCompressedName(value, position, baseOffset, name);
            names.add(name.toString());
        }
        return names;
    }

    private static int readCompressedName(byte[] value, int start, int baseOffset, StringBuilder name) {
        int i = start;
        int next = -1;
        int limit = start;
        int wireLength = 1;
        while (true) {
            if (i >= value.length) {
                throw new DhcpCodecException("option 119 name runs past the end of the option", baseOffset + i);
            }
            int b = value[i] & 0xFF;
            if (b == 0) {
                return next >= 0 ? next : i + 1;
            }
            if ((b & 0xC0) == 0xC0) {
                if (i + 1 >= value.length) {
                    throw new DhcpCodecException("option 119 compression pointer is cut short", baseOffset + i);
                }
                int target = ((b & 0x3F) << 8) | (value[i + 1] & 0xFF);
                if (target >= limit) {
                    throw new DhcpCodecException("option 119 compression pointer to " + target
                            + " does not point backwards (a loop or a forward pointer)", baseOffset + i);
                }
                if (next < 0) {
                    next = i + 2;
                }
                limit = target;
                i = target;
                continue;
            }
            if ((b & 0xC0) != 0) {
                throw new DhcpCodecException("option 119 label type 0x" + Integer.toHexString(b & 0xC0)
                        + " is reserved", baseOffset + i);
            }
            if (i + 1 + b > value.length) {
                throw new DhcpCodecException("option 119 label runs past the end of the option", baseOffset + i);
            }
            wireLength += 1 + b;
            if (wireLength > MAX_NAME_LENGTH) {
                throw new DhcpCodecException("option 119 name is longer than 255 bytes", baseOffset + i);
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(value, i + 1, b, StandardCharsets.ISO_8859_1));
            i += 1 + b;
        }
    }

    /** Encodes names for option 119, compressing repeated suffixes with pointers. */
    static byte[] encodeSearchList(List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> suffixOffsets = new HashMap<>();
        for (String name : names) {
            List<String> labels = labels(name);
            boolean pointed = false;
            for (int k = 0; k < labels.size(); k++) {
                String suffix = String.join(".", labels.subList(k, labels.size()));
                Integer earlier = suffixOffsets.get(suffix);
                if (earlier != null) {
                    out.write(0xC0 | (earlier >>> 8));
                    out.write(earlier & 0xFF);
                    pointed = true;
                    break;
                }
                if (out.size() < 0x4000) {
                    suffixOffsets.put(suffix, out.size());
                }
                byte[] label = labels.get(k).getBytes(StandardCharsets.ISO_8859_1);
                out.write(label.length);
                out.write(label, 0, label.length);
            }
            if (!pointed) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** Decodes an uncompressed wire-format name (option 81 with the E flag); it may be partial (no root label). */
    static String decodeUncompressed(byte[] value, int from, int baseOffset, String owner) {
        StringBuilder name = new StringBuilder();
        int i = from;
        while (i < value.length) {
            int b = value[i] & 0xFF;
            if (b == 0) {
                if (i != value.length - 1) {
                    throw new DhcpCodecException(owner + " has bytes after its root label", baseOffset + i + 1);
                }
                return name.append('.').toString();
            }
            if (b > 63) {
                throw new DhcpCodecException(owner + " label length " + b + " is over 63", baseOffset + i);
            }
            if (i + 1 + b > value.length) {
                throw new DhcpCodecException(owner + " label runs past the end of the option", baseOffset + i);
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(value, i + 1, b, StandardCharsets.ISO_8859_1));
            i += 1 + b;
            if (i - from > MAX_NAME_LENGTH) {
                throw new DhcpCodecException(owner + " name is longer than 255 bytes", baseOffset + i);
            }
        }
        return name.toString();
    }

    /** Encodes without compression; a name ending in '.' gets the root label, others are partial. */
    static byte[] encodeUncompressed(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : labels(name)) {
            byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        if (name.endsWith(".")) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static List<String> labels(String name) {
        List<String> labels = new ArrayList<>();
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (trimmed.isEmpty()) {
            return labels;
        }
        int total = 1;
        for (String label : trimmed.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                throw new IllegalArgumentException("'" + name + "' has a label of " + label.length()
                        + " bytes; each label needs 1 to 63");
            }
            total += label.length() + 1;
            labels.add(label);
        }
        if (total > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("'" + name + "' is longer than 255 bytes in wire format");
        }
        return labels;
    }
}
