package dev.dhcpembedded.config;

/**
 * How a caller writes a key and its value, so that a message names the key as the caller wrote it: the command
 * line's {@code --subnet 10.20.0.0/24} or the annotation's {@code subnet = "10.20.0.0/24"}.
 */
public enum Syntax {

    /** Flags: {@code --subnet 10.20.0.0/24}, {@code --rapid-commit}. */
    COMMAND_LINE,
    /** Annotation attributes: {@code subnet = "10.20.0.0/24"}, {@code rapidCommit = true}, {@code leaseSeconds = 600}. */
    ANNOTATION;

    /**
     * The key's name in this syntax: its flag or its attribute ({@code --subnet}, {@code subnet}); a key that this
     * syntax does not offer is named by {@link ConfigKey#key()}.
     *
     * @param key the key
     * @return its name as a caller of this syntax writes it
     */
    public String name(ConfigKey key) {
        return (this == COMMAND_LINE ? key.flag() : key.attribute()).orElse(key.key());
    }

    /**
     * The key as given with {@code value}: {@code --lease 0}, {@code leaseSeconds = 0}, {@code subnet = "10.20.0/24"}.
     *
     * @param key the key
     * @param value its value as given
     * @return the key and value as the caller wrote them
     */
    String given(ConfigKey key, String value) {
        if (this == COMMAND_LINE) {
            return key.isSwitch() ? name(key) : name(key) + " " + value;
        }
        return name(key) + " = " + (key.isSwitch() || key.isNumber() ? value : quote(value));
    }

    /**
     * The key with its value syntax, as a message asks for it: {@code --subnet6 PREFIX}, {@code subnet6 = "PREFIX"}.
     *
     * @param key the key
     * @return the key and the form of its value
     */
    String placeholder(ConfigKey key) {
        if (key.isSwitch()) {
            return this == COMMAND_LINE ? name(key) : name(key) + " = true";
        }
        return this == COMMAND_LINE ? name(key) + " " + key.value() : name(key) + " = " + quote(key.value());
    }

    /**
     * The key with its example value: {@code --subnet 10.20.0.0/24}, {@code subnet = "10.20.0.0/24"}.
     *
     * @param key the key
     * @return an example of the key as given
     */
    String example(ConfigKey key) {
        return given(key, key.example());
    }

    /**
     * A value as written in this syntax: as it is on the command line, in double quotes in an annotation.
     *
     * @param value a text value
     * @return the value as the caller writes it
     */
    String quote(String value) {
        return this == COMMAND_LINE ? value : "\"" + value + "\"";
    }
}
