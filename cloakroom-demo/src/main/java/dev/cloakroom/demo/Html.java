package dev.cloakroom.demo;

/** Escaping for text placed into HTML, in element content or in a quoted attribute value. */
final class Html {

    private Html() {
    }

    /**
     * {@code text} with {@code & < > " '} replaced by character references, so nothing a visitor
     * typed (a user name, say) can open a tag or leave an attribute. {@code null} becomes "".
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
