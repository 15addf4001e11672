package dev.cloakroom.demo;

import java.util.List;
import java.util.Map;

/**
 * A readable name for the browser a User-Agent header describes ("Firefox on Linux"), for "Your
 * sessions". A guess from well-known tokens, good enough to tell one's own devices apart; the header
 * is the visitor's to choose, so the name is cut short and escaped wherever it is shown.
 */
final class Devices {

    static final int MAX_LENGTH = 60;

    /** Checked in order: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Firefox/", "Firefox"),
            Map.entry("Chrome/", "Chrome"), Map.entry("Safari/", "Safari"));
    /** Android also says Linux, iPhone also says Mac OS X. */
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"), Map.entry("iPhone", "iPhone"), Map.entry("iPad", "iPad"),
            Map.entry("Windows", "Windows"), Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private Devices() {
    }

    /**
     * {@return a short name for {@code userAgent}} A known browser with its system when one is named;
     * otherwise the header's first product token ({@code curl/8.5.0}); "unknown browser" without one.
     */
    static String name(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown browser";
        }
        String browser = first(BROWSERS, userAgent);
        if (browser != null) {
            String system = first(SYSTEMS, userAgent);
            return system == null ? browser : browser + " on " + system;
        }
        String product = userAgent.strip().split("\\s+", 2)[0];
        return product.length() <= MAX_LENGTH ? product : product.substring(0, MAX_LENGTH);
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent) {
        for (Map.Entry<String, String> e : names) {
            if (userAgent.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
