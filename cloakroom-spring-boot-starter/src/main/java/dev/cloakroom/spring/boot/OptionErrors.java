package dev.cloakroom.spring.boot;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a builder's {@link IllegalArgumentException}, whose message starts with the option it is
 * about ("cookie.path must start with '/'"), into a {@link CloakroomConfigurationException} that
 * names the property the value came from ("cloakroom.cookie.path").
 */
final class OptionErrors {

    private OptionErrors() {
    }

    /**
     * @param optionToProperty the builder's option names and the property behind each
     * @param fallback         the property to name when the message starts with none of them
     */
    static CloakroomConfigurationException translate(IllegalArgumentException e, Map<String, String> optionToProperty,
                                                     String fallback) {
        String message = e.getMessage() == null ? "is not valid" : e.getMessage();
        String property = fallback;
        String problem = message;
        for (String option : optionToProperty.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (message.startsWith(option + " ") || message.startsWith(option + ":")) {
                property = optionToProperty.get(option);
                problem = message.substring(option.length()).replaceFirst("^:?\\s*", "");
                break;
            }
        }
        for (Map.Entry<String, String> other : optionToProperty.entrySet()) {
            if (other.getKey().contains(".")) {
                problem = problem.replace(other.getKey() + " ", other.getValue() + " ");
            } else if (!other.getKey().equals(other.getKey().toLowerCase(Locale.ROOT))) {
                // A camel-case option quoted with its value, as in "shorter than absoluteTimeout (PT8H)".
                problem = problem.replace(other.getKey() + " (", other.getValue() + " (");
            }
        }
        problem = problem.replace("ALWAYS or AUTO", "true or auto");
        return new CloakroomConfigurationException(property, problem, "Change " + property + ".");
    }
}
