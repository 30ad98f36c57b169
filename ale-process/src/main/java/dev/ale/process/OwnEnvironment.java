package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Blanks a secret in the SDK process's own environment block, as the operating system shows it to
 * other processes of the same user ({@code /proc/<pid>/environ} on Linux): an agent run without
 * bubblewrap could otherwise read a key there from its parent. Java keeps its own copy of the
 * environment, read at the first {@link System#getenv()}, so the SDK still sees the value.
 */
@API(status = EXPERIMENTAL)
public final class OwnEnvironment {
    private static final int ENV_START_FIELD = 50;

    private OwnEnvironment() {}

    /**
     * Overwrites the value of {@code name} in this process's environment block with {@code *}
     * characters.
     *
     * @return whether a value was blanked (false where there is none or the system offers no way)
     */
    public static synchronized boolean scrub(String name) {
        System.getenv(); // Java's copy, read before the block changes
        Path stat = Path.of("/proc/self/stat");
        if (!Files.isReadable(stat)) {
            return false;
        }
        try {
            String s = Files.readString(stat, StandardCharsets.ISO_8859_1);
            String[] fields = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (the state); env_start and env_end are fields 50 and 51
            long start = Long.parseLong(fields[ENV_START_FIELD - 3]);
            long end = Long.parseLong(fields[ENV_START_FIELD - 2]);
            if (start <= 0 || end <= start || end - start > (1 << 24)) {
                return false;
            }
            try (FileChannel mem =
                    FileChannel.open(Path.of("/proc/self/mem"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocate((int) (end - start));
                while (block.hasRemaining() && mem.read(block, start + block.position()) > 0) {
                    // read the whole block
                }
                byte[] bytes = Arrays.copyOf(block.array(), block.position());
                byte[] key = (name + "=").getBytes(StandardCharsets.ISO_8859_1);
                boolean blanked = false;
                for (int i = 0; i + key.length <= bytes.length; i++) {
                    if ((i == 0 || bytes[i - 1] == 0) && Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) {
                        int from = i + key.length;
                        int to = from;
                        while (to < bytes.length && bytes[to] != 0) {
                            to++;
                        }
                        byte[] stars = new byte[to - from];
                        Arrays.fill(stars, (byte) '*');
                        mem.write(ByteBuffer.wrap(stars), start + from);
                        blanked |= to > from;
                    }
                }
                return blanked;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
