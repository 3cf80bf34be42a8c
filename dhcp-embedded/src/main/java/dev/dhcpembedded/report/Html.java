package dev.dhcpembedded.report;

/**
 * The one way text gets into the report: every character that could end a text node or an attribute value is
 * escaped, and control characters show as {@code \xNN} (a hostname option may carry anything).
 */
final class Html {

    private Html() {
    }

    /**
     * Text safe in an element's content and in a double- or single-quoted attribute value.
     *
     * @param text any text, e.g. a hostname option as the client sent it
     * @return the text with {@code & < > " '} escaped, control characters and lone surrogates made visible
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
