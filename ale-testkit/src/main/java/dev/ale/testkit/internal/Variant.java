package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One output tree the contract scores: files by relative path, each a content (possibly a huge
 * one, written by repeating a seed) and symbolic links (bait) by relative path.
 *
 * @param name     what the variant is, for messages ({@code "truncated memo.txt"})
 * @param files    file contents by '/'-separated relative path
 * @param links    symbolic links to create, by relative path
 * @param mirrored paths under the canary mirror directory to fill with canaries (for linked directories)
 */
@API(status = INTERNAL)
public record Variant(String name, Map<String, Content> files, List<Link> links, List<String> mirrored) {
    public Variant {
        files = new TreeMap<>(files);
        links = List.copyOf(links);
        mirrored = List.copyOf(mirrored);
    }

    /** A variant of files and links only. */
    public Variant(String name, Map<String, Content> files, List<Link> links) {
        this(name, files, links, List.of());
    }

    /** The original output tree. */
    public static Variant of(String name, Map<String, byte[]> output) {
        Map<String, Content> files = new TreeMap<>();
        output.forEach((k, v) -> files.put(k, Content.of(v)));
        return new Variant(name, files, List.of());
    }

    /**
     * The content of one file: {@code seed} repeated until {@code size} bytes (just the seed when
     * the sizes match), so a huge file need not sit in memory twice.
     */
    @API(status = INTERNAL)
    public record Content(byte[] seed, long size) {
        private static final int BLOCK = 1 << 16;

        public Content {
            seed = seed.clone();
            if (size < 0 || (seed.length == 0 && size > 0)) {
                throw new IllegalArgumentException("cannot make " + size + " bytes from " + seed.length);
            }
        }

        static Content of(byte[] bytes) {
            return new Content(bytes, bytes.length);
        }

        /** Writes this content to {@code file}. */
        void write(Path file) throws IOException {
            if (size == seed.length) {
                Files.write(file, seed);
                return;
            }
            byte[] block = new byte[seed.length * Math.max(1, BLOCK / seed.length)];
            for (int i = 0; i < block.length; i += seed.length) {
                System.arraycopy(seed, 0, block, i, seed.length);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= block.length) {
                    out.write(block, 0, (int) Math.min(left, block.length));
                }
            }
        }
    }

    /**
     * A symbolic link of the output tree.
     *
     * @param path   where the link is, relative to the output root
     * @param target what it points to, as written into the link (absolute or relative)
     */
    @API(status = INTERNAL)
    public record Link(String path, String target) {}
}
