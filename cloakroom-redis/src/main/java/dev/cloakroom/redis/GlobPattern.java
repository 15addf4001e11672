package dev.cloakroom.redis;

/** Redis glob patterns (SCAN MATCH) for "every key that starts with this literal prefix". */
final class GlobPattern {

    private GlobPattern() {
    }

    /**
     * {@code prefix} with Redis's glob characters backslash-escaped, then {@code *}: a prefix such
     * as {@code app[1]:} matches only keys that really begin with it.
     */
    static String startingWith(String prefix) {
        StringBuilder sb = new StringBuilder(prefix.length() + 8);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\' || c == '^' || c == '-') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('*').toString();
    }
}
