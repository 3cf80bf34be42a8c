package dev.dhcpembedded.codec;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for tests. Objects are lists of entries so duplicate keys survive: {@code tshark -T json}
 * repeats {@code dhcp.option.type} once per option. Scalars are Strings (numbers as written), null is null.
 */
final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.space();
        if (json.at != text.length()) {
            throw new IllegalArgumentException("trailing text at " + json.at);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static List<Map.Entry<String, Object>> object(Object value) {
        return (List<Map.Entry<String, Object>>) value;
    }

    /** The first value under {@code key}, or null. */
    static Object get(Object object, String key) {
        for (Map.Entry<String, Object> e : object(object)) {
            if (e.getKey().equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Object value() {
        space();
        char c = text.charAt(at);
        if (c == '{') {
            at++;
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            space();
            if (text.charAt(at) == '}') {
                at++;
                return entries;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                entries.add(new SimpleEntry<>(key, value()));
                space();
                if (text.charAt(at++) == '}') {
                    return entries;
                }
            }
        }
        if (c == '[') {
            at++;
            List<Object> items = new ArrayList<>();
            space();
            if (text.charAt(at) == ']') {
                at++;
                return items;
            }
            while (true) {
                items.add(value());
                space();
                if (text.charAt(at++) == ']') {
                    return items;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        int start = at;
        while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String literal = text.substring(start, at);
        return literal.equals("null") ? null : literal;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
                    default: out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(at++) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + (at - 1));
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
