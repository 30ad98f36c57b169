package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Root of the SDK's unchecked exceptions. Every message names where the problem is (a file or
 * archive entry), which field (a JSON Pointer or field name, when there is one) and the rule that
 * was broken, so a person can fix the input without reading a stack trace.
 */
@API(status = STABLE)
public class AleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String rule;

    /**
     * @param source the file, archive entry or task the problem is in (may be empty)
     * @param field  the field or JSON Pointer within the source (may be empty)
     * @param rule   what is wrong, in a sentence
     */
    public AleException(@Nullable String source, @Nullable String field, String rule) {
        this(source, field, rule, null);
    }

    public AleException(@Nullable String source, @Nullable String field, String rule, @Nullable Throwable cause) {
        super(format(source, field, rule), cause);
        this.source = Objects.requireNonNullElse(source, "");
        this.field = Objects.requireNonNullElse(field, "");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The file, archive entry or task the problem is in; empty when not known. */
    public String source() {
        return source;
    }

    /** The field or JSON Pointer the problem is at; empty when the whole source is at fault. */
    public String field() {
        return field;
    }

    /** The rule that was broken, without the location. */
    public String rule() {
        return rule;
    }

    /** Formats a location and rule the way every SDK message does: {@code source at field: rule}. */
    public static String format(@Nullable String source, @Nullable String field, String rule) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            b.append(source);
        }
        if (field != null && !field.isEmpty()) {
            b.append(b.length() > 0 ? " " : "").append("at ").append(field);
        }
        if (b.length() > 0) {
            b.append(": ");
        }
        return b.append(rule).toString();
    }
}
