package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The environment a child process starts from: an allow-list, never the whole environment of the
 * SDK's process. It holds {@code PATH}, {@code LANG} and {@code TZ} from the SDK's environment (when
 * set), {@code HOME} set to the directory given (the workspace, as the process sees it), and the
 * variables the user named to pass (API keys for an agent). No {@code ALE_} variable is ever passed:
 * what a process needs of the SDK it gets from its caller, explicitly.
 */
@API(status = EXPERIMENTAL)
public final class ChildEnvironment {
    /** The variables always passed when set. */
    public static final List<String> ALLOWED = List.of("PATH", "LANG", "TZ");

    /** The prefix of the SDK's own variables, which are never passed. */
    public static final String RESERVED_PREFIX = "ALE_";

    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ChildEnvironment() {}

    /**
     * The environment for a child whose home is {@code home}, passing {@code passed} (names) from the
     * SDK's own environment.
     *
     * @throws IllegalArgumentException for a name that is not a variable name or starts with {@code ALE_}
     */
    public static Map<String, String> of(String home, Collection<String> passed) {
        return of(home, passed, System.getenv());
    }

    /** As {@link #of(String, Collection)}, from the environment {@code host}. */
    public static Map<String, String> of(String home, Collection<String> passed, Map<String, String> host) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", host.getOrDefault("PATH", DEFAULT_PATH));
        for (String name : ALLOWED) {
            if (host.containsKey(name)) {
                env.put(name, host.get(name));
            }
        }
        env.put("HOME", home);
        for (String name : passed) {
            checkName(name);
            if (host.containsKey(name)) {
                env.put(name, host.get(name));
            }
        }
        return env;
    }

    /**
     * {@code name} when it may be passed to a child.
     *
     * @throws IllegalArgumentException for a name that is not a variable name or is the SDK's own
     */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException(name + ": variables starting with " + RESERVED_PREFIX
                    + " are the SDK's own and never passed to a child");
        }
        return name;
    }
}
