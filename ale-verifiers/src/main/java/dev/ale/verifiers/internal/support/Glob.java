package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.VerifierConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * A path pattern, matched against whole '/'-separated paths: {@code *} is any run of characters
 * within one segment, {@code ?} one character other than '/', {@code [abc]}/{@code [a-z]}/{@code [!abc]}
 * one character of (or not of) a set, {@code {a,b}} one of the alternatives, and a whole segment
 * {@code **} any number of segments, none included ({@code reports/**} matches {@code reports}
 * itself and everything under it; {@code **}{@code /*.pdf} every PDF file). There is no escape
 * character. Patterns have no empty, {@code .} or {@code ..} segments, backslashes or NULs; an
 * absolute pattern (leading '/') only where allowed.
 *
 * @param text     the pattern as written
 * @param pattern  its translation, to be matched against a whole path
 * @param base     the leading literal directories: everything the pattern can match lies under them
 * @param absolute whether it starts with '/'
 */
@API(status = INTERNAL)
public record Glob(String text, Pattern pattern, List<String> base, boolean absolute) {
    public Glob {
        base = List.copyOf(base);
    }

    public static Glob parse(String text, String at, boolean absoluteAllowed) {
        if (text.isEmpty()) {
            throw new VerifierConfigException(at, "pattern must not be empty");
        }
        if (text.indexOf('\\') >= 0 || text.indexOf('\0') >= 0) {
            throw new VerifierConfigException(
                    at, "pattern '" + text + "' must use '/' separators and no backslash or NUL");
        }
        boolean absolute = text.startsWith("/");
        if (absolute && !absoluteAllowed) {
            throw new VerifierConfigException(at, "pattern '" + text + "' must be relative, not absolute");
        }
        String[] segments = (absolute ? text.substring(1) : text).split("/", -1);
        StringBuilder re = new StringBuilder(absolute ? "/" : "");
        List<String> base = new ArrayList<>();
        boolean literal = true;
        boolean slash = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new VerifierConfigException(
                        at, "pattern '" + text + "' must not contain empty, '.' or '..' segments");
            }
            boolean last = i == segments.length - 1;
            if (s.equals("**")) {
                literal = false;
                re.append(last ? (i == 0 ? ".*" : "(?:/.*)?") : (slash ? "/" : "") + "(?:[^/]*/)*");
                slash = false;
                continue;
            }
            if (s.contains("**")) {
                throw new VerifierConfigException(at, "pattern '" + text + "': '**' must be a whole segment");
            }
            re.append(slash ? "/" : "").append(segment(s, text, at));
            slash = true;
            literal &= s.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
            if (literal && !last) {
                base.add(s);
            }
        }
        try {
            return new Glob(text, Pattern.compile(re.toString()), base, absolute);
        } catch (PatternSyntaxException e) {
            throw new VerifierConfigException(at, "pattern '" + text + "' is not valid: " + e.getDescription());
        }
    }

    /** Whether the pattern matches all of {@code path} (a '/'-separated path). */
    public boolean matches(CharSequence path) {
        return pattern.matcher(new Interruptible(path)).matches();
    }

    private static String segment(String s, String text, String at) {
        StringBuilder re = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = s.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new VerifierConfigException(at, "pattern '" + text + "': '[' without a closing ']'");
                    }
                    re.append(charClass(s.substring(i + 1, close), text, at));
                    i = close;
                }
                case '{' -> {
                    if (inBraces) {
                        throw new VerifierConfigException(at, "pattern '" + text + "': '{' alternatives cannot nest");
                    }
                    inBraces = true;
                    re.append("(?:");
                }
                case '}' -> {
                    re.append(inBraces ? ")" : Pattern.quote("}"));
                    inBraces = false;
                }
                case ',' -> re.append(inBraces ? "|" : ",");
                default -> re.append(
                        Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
            }
        }
        if (inBraces) {
            throw new VerifierConfigException(at, "pattern '" + text + "': '{' without a closing '}'");
        }
        return re.toString();
    }

    /** A bracket set; '/' can never be in one (patterns are split at '/'), nor match a negated one. */
    private static String charClass(String body, String text, String at) {
        boolean negated = body.charAt(0) == '!' || body.charAt(0) == '^';
        int start = negated ? 1 : 0;
        if (start == body.length()) {
            throw new VerifierConfigException(at, "pattern '" + text + "': empty '[...]' set");
        }
        StringBuilder re = new StringBuilder(negated ? "[^/" : "[");
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean range = c == '-' && i > start && i < body.length() - 1;
            re.append(range ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return re.append(']').toString();
    }
}
