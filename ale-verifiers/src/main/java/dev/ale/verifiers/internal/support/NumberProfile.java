package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How numbers written as text are read, when a config says so with {@code numbers}: unit words
 * or suffixes removed wherever they occur ({@code units}, such as {@code "RMB"}, {@code "元"}),
 * thousands separators {@code grouped} by three (the default, {@link Numbers}), removed
 * {@code anywhere} (every {@code ,}, as Python's {@code replace(",", "")}) or refused
 * ({@code none}); which currency symbols are allowed ({@code any}, {@code none} or a list);
 * whether a trailing {@code %} and accounting parentheses are read. The default profile is
 * {@link Numbers}' lenient reading. JSON numbers are read as {@link Numbers#of(JsonNode)} does.
 *
 * @param units      texts removed before reading, in order
 * @param currency   the currency symbols allowed; null: any
 */
@API(status = INTERNAL)
public record NumberProfile(
        List<String> units, Thousands thousands, List<String> currency, boolean percent, boolean parentheses) {
    /** How thousands separators are read. */
    @API(status = INTERNAL)
    public enum Thousands {
        GROUPED,
        ANYWHERE,
        NONE
    }

    /** The options of a {@code numbers} object. */
    public static final String[] OPTIONS = {"units", "thousands", "currency", "percent", "parentheses"};

    /** The lenient reading of {@link Numbers}. */
    public static final NumberProfile DEFAULT = new NumberProfile(List.of(), Thousands.GROUPED, null, true, true);

    public NumberProfile {
        units = List.copyOf(units);
        currency = currency == null ? null : List.copyOf(currency);
    }

    /** Reads a {@code numbers} object: {@code units}, {@code thousands}, {@code currency}, {@code percent}, {@code parentheses}. */
    public static NumberProfile read(Options o) {
        List<String> units = o.has("units") ? o.strings("units") : List.of();
        Thousands thousands = o.choice("thousands", Thousands.GROUPED);
        List<String> currency = null;
        JsonNode c = o.raw("currency");
        if (c != null && c.isTextual()) {
            String word = o.choice("currency", "any", "any", "none");
            currency = word.equals("any") ? null : List.of();
        } else if (c != null) {
            if (!c.isArray()) {
                throw o.error("currency", "must be any, none or an array of currency symbols, got " + Options.kind(c));
            }
            currency = c.isEmpty() ? List.of() : o.strings("currency");
            for (int i = 0; i < currency.size(); i++) {
                String s = currency.get(i);
                if (s.length() != 1 || Character.getType(s.charAt(0)) != Character.CURRENCY_SYMBOL) {
                    throw new VerifierConfigException(
                            JsonPointers.child(o.pointer("currency"), i),
                            "must be one currency symbol such as $ or €, got '" + s + "'");
                }
            }
        }
        return new NumberProfile(units, thousands, currency, o.bool("percent", true), o.bool("parentheses", true));
    }

    /** The number a JSON value holds under this profile (a JSON number, or a string that reads), or null. */
    public BigDecimal of(JsonNode v) {
        if (this.equals(DEFAULT) || v == null || !v.isTextual()) {
            return Numbers.of(v);
        }
        return parse(v.textValue());
    }

    /** The number {@code text} holds under this profile, or null. */
    public @Nullable BigDecimal parse(String text) {
        if (this.equals(DEFAULT)) {
            return Numbers.parse(text);
        }
        String s = text;
        for (String u : units) {
            s = s.replace(u, "");
        }
        if (thousands == Thousands.ANYWHERE) {
            s = s.replace(",", "");
        }
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (Character.getType(ch) == Character.CURRENCY_SYMBOL
                    && currency != null
                    && !currency.contains(String.valueOf(ch))) {
                return null;
            }
            if (thousands != Thousands.GROUPED && (ch == ',' || Character.isSpaceChar(ch) || ch == '\t')) {
                return null;
            }
        }
        if (!percent && t.indexOf('%') >= 0 || !parentheses && t.indexOf('(') >= 0) {
            return null;
        }
        return Numbers.parse(t);
    }

    /** In a few words, for checks; empty for the default. */
    public String describe() {
        if (equals(DEFAULT)) {
            return "";
        }
        StringBuilder b = new StringBuilder("read with");
        if (!units.isEmpty()) {
            b.append(" units ").append(String.join("/", units)).append(" removed,");
        }
        b.append(" separators ").append(thousands.name().toLowerCase(Locale.ROOT));
        if (currency != null) {
            b.append(currency.isEmpty() ? ", no currency" : ", currency " + String.join("", currency));
        }
        return b.toString();
    }
}
