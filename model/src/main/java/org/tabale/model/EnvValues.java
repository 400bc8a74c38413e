package org.tabale.model;

import java.util.Map;

/**
 * Numbers read from the environment by every service's settings: unset or blank gives the default;
 * anything else must parse, or the service refuses to start with the variable's name and value.
 */
public final class EnvValues {

    private EnvValues() {
    }

    /** A whole number between {@code min} and {@code max}. */
    public static long number(Map<String, String> env, String key, long fallback, long min, long max) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + number);
        }
        return number;
    }

    /** A whole number that fits an {@code int}; its range is the settings' to check. */
    public static int integer(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }

    /** A number with or without decimals. */
    public static double decimal(Map<String, String> env, String key, double fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'", e);
        }
    }
}
