package dev.cloakroom.lifecycle.gadget;

/** Stands in for a deserialization gadget: loading the class at all is the harm, so it counts its initializations. */
public final class Gadget {

    public static int initialized;

    static {
        initialized++;
    }

    public String command = "rm -rf /";
}
