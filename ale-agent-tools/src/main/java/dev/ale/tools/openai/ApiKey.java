package dev.ale.tools.openai;

/**
 * The API key, kept where nothing prints it: only the {@code Authorization} header sees it, and
 * {@link #redact} takes it out of any text that came back from the server before that text is
 * recorded, logged or thrown.
 */
final class ApiKey {
    static final String REDACTED = "[redacted]";
    static final ApiKey NONE = new ApiKey(null);

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        if (value.strip().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the API key holds characters that cannot go into an HTTP header");
        }
        return new ApiKey(value.strip());
    }

    boolean present() {
        return value != null;
    }

    String bearer() {
        return "Bearer " + value;
    }

    String redact(String text) {
        return value == null || text == null ? text : text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return value == null ? "(no API key)" : "(API key)";
    }
}
