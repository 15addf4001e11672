package dev.cloakroom.internal;

import tools.jackson.core.JsonGenerator;

import java.util.Arrays;

/**
 * Where each top-level object or array value of a document Cloakroom wrote lies in its text, by
 * attribute name. A save that writes such a value again unchanged (a logged-in user's security
 * context, a cart) copies its text instead of writing the tree out once more.
 *
 * <p>Only documents this codec wrote are mapped ({@link SessionCodec#encodeMapped}), so each range
 * is exactly what the mapper wrote for the value; a document read from the store is not searched.
 */
final class ValueTexts {

    private final String json;
    private final String[] names;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    private ValueTexts(String json, String[] names, int[] starts, int[] ends, int count) {
        this.json = json;
        this.names = names;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    /** {@return the length of the document the ranges lie in} */
    int length() {
        return json.length();
    }

    /**
     * Writes {@code name}'s value as it stands in the text, when it is mapped.
     *
     * @return whether it was mapped, and so written
     */
    boolean writeTo(JsonGenerator g, String name) {
        int i = indexOf(name);
        if (i < 0) {
            return false;
        }
        g.writeRawValue(json, starts[i], ends[i] - starts[i]);
        return true;
    }

    /** {@return the value of {@code name} as it stands in the text, or null when it is not mapped} For tests. */
    String textOf(String name) {
        int i = indexOf(name);
        return i < 0 ? null : json.substring(starts[i], ends[i]);
    }

    private int indexOf(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Collects the ranges while a document is written. */
    static final class Builder {
        private String[] names = new String[4];
        private int[] starts = new int[4];
        private int[] ends = new int[4];
        private int count;

        void add(String name, int start, int end) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            names[count] = name;
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        /** {@return the ranges, in {@code json}; null when there are none} */
        ValueTexts build(String json) {
            return count == 0 ? null : new ValueTexts(json, names, starts, ends, count);
        }
    }
}
