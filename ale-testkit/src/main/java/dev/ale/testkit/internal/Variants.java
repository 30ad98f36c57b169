package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The output trees the contract derives from a sample's output: fuzzed ones (seeded, so a failure
 * can be reproduced) and baited ones (links out of the output root towards the canaries).
 */
@API(status = INTERNAL)
public final class Variants {
    private Variants() {}

    /**
     * Seeded fuzz of an output tree: the empty workspace; for each file (at most {@code maxFiles},
     * in path order) the tree with that file truncated and with that file replaced by random bytes;
     * and the tree with its first file grown to {@code hugeBytes} bytes (its content repeated).
     */
    public static List<Variant> fuzzed(Map<String, byte[]> output, long seed, long hugeBytes, int maxFiles) {
        Random random = new Random(seed);
        List<Variant> out = new ArrayList<>();
        out.add(new Variant("empty workspace", Map.of(), List.of()));
        List<String> paths = new ArrayList<>(new TreeSet<>(output.keySet()));
        for (String p : paths.subList(0, Math.min(maxFiles, paths.size()))) {
            byte[] content = output.get(p);
            byte[] truncated = Arrays.copyOf(content, content.length == 0 ? 0 : random.nextInt(content.length));
            out.add(replace(
                    output, p, "truncated " + p + " to " + truncated.length + " bytes", truncated, truncated.length));
            byte[] noise = new byte[1 + random.nextInt(Math.max(64, content.length))];
            random.nextBytes(noise);
            out.add(replace(output, p, "random bytes in " + p, noise, noise.length));
        }
        if (!paths.isEmpty()) {
            String p = paths.get(0);
            byte[] content = output.get(p).length == 0 ? new byte[] {'x'} : output.get(p);
            out.add(replace(output, p, "huge " + p + " (" + hugeBytes + " bytes)", content, hugeBytes));
        }
        return out;
    }

    private static Variant replace(Map<String, byte[]> output, String path, String name, byte[] seed, long size) {
        Variant base = Variant.of(name, output);
        Map<String, Variant.Content> files = new TreeMap<>(base.files());
        files.put(path, new Variant.Content(seed, size));
        return new Variant(name, files, List.of());
    }

    /**
     * Baited output trees: every file replaced by an absolute link to the secret canary; every
     * file replaced by a relative ({@code ../..}) link to it; and (when files sit in directories)
     * each top directory replaced by a link to a mirror tree of canaries. Each also holds a link to
     * the directory around the roots and one to the canary beside them.
     */
    public static List<Variant> baited(Map<String, byte[]> output) {
        List<Variant.Link> escapes =
                List.of(new Variant.Link("zz-escape-dir", "/ale"), new Variant.Link("zz-escape.txt", "../canary.txt"));
        List<Variant> out = new ArrayList<>();
        List<Variant.Link> absolute = new ArrayList<>(escapes);
        List<Variant.Link> relative = new ArrayList<>(escapes);
        for (String p : new TreeSet<>(output.keySet())) {
            absolute.add(new Variant.Link(p, Arena.SECRET));
            relative.add(new Variant.Link(p, "../".repeat(p.split("/").length) + ".." + Arena.SECRET));
        }
        out.add(new Variant("every file an absolute link out of the output", Map.of(), absolute));
        out.add(new Variant("every file a relative '..' link out of the output", Map.of(), relative));
        Map<String, Variant.Content> flat = new TreeMap<>();
        List<Variant.Link> dirs = new ArrayList<>(escapes);
        TreeSet<String> tops = new TreeSet<>();
        List<String> mirrored = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : output.entrySet()) {
            int slash = e.getKey().indexOf('/');
            if (slash < 0) {
                flat.put(e.getKey(), Variant.Content.of(e.getValue()));
            } else {
                tops.add(e.getKey().substring(0, slash));
                mirrored.add(e.getKey().substring(slash + 1));
            }
        }
        if (!tops.isEmpty()) {
            tops.forEach(t -> dirs.add(new Variant.Link(t, Arena.MIRROR)));
            out.add(new Variant("every directory a link out of the output", flat, dirs, mirrored));
        }
        return out;
    }
}
