package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A fresh in-memory file system for one verification, seen through a {@link RecordingFileSystem}:
 * the output root {@code /ale/output}, the reference root {@code /ale/reference}, and canary
 * files outside both ({@code /ale/canary.txt} beside the roots, {@code /canary/secret.txt} and a
 * mirror tree under {@code /canary/mirror}) holding a token that must never reach a verdict.
 */
@API(status = INTERNAL)
public final class Arena implements Closeable {
    /** The file every bait link points at. */
    public static final String SECRET = "/canary/secret.txt";
    /** The directory a baited output directory is linked to. */
    public static final String MIRROR = "/canary/mirror";
    /** The canary beside the roots. */
    public static final String SIBLING = "/ale/canary.txt";

    private final FileSystem jimfs;
    private final RecordingFileSystem recording;
    private final Path output;
    private final Path reference;
    private final byte[] canary;

    private Arena(String canaryToken) throws IOException {
        this.jimfs = Jimfs.newFileSystem(
                Configuration.unix().toBuilder().setWorkingDirectory("/ale").build());
        this.recording = new RecordingFileSystem(jimfs);
        this.output = Files.createDirectories(jimfs.getPath("/ale/output"));
        this.reference = Files.createDirectories(jimfs.getPath("/ale/reference"));
        this.canary = canaryToken.getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(jimfs.getPath(MIRROR));
        Files.write(jimfs.getPath(SECRET), canary);
        Files.write(jimfs.getPath(SIBLING), canary);
    }

    /** A new arena whose canaries hold {@code canaryToken}. */
    public static Arena create(String canaryToken) throws IOException {
        return new Arena(canaryToken);
    }

    /** The output root, as the verifier sees it. */
    public Path output() {
        return recording.wrap(output);
    }

    /** The reference root, as the verifier sees it. */
    public Path reference() {
        return recording.wrap(reference);
    }

    /** The record of what the verifier touched. */
    public AccessLog log() {
        return recording.log();
    }

    /** The recorded accesses that left both roots. */
    public List<AccessLog.Access> outside() throws IOException {
        return recording.log().outside(List.of(output, reference));
    }

    /** Writes a variant into the output root: its files, its links, and canary copies for linked directories. */
    public void writeOutput(Variant v) throws IOException {
        for (Map.Entry<String, Variant.Content> e : v.files().entrySet()) {
            Path f = under(output, e.getKey());
            Files.createDirectories(f.getParent());
            e.getValue().write(f);
        }
        for (Variant.Link l : v.links()) {
            Path link = under(output, l.path());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, jimfs.getPath(l.target()));
        }
        for (String rel : v.mirrored()) {
            Path f = under(jimfs.getPath(MIRROR), rel);
            Files.createDirectories(f.getParent());
            Files.write(f, canary);
        }
    }

    /** Writes the reference files. */
    public void writeReference(Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = under(reference, e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }

    private static Path under(Path root, String rel) {
        Path p = root;
        for (String s : rel.split("/")) {
            p = p.resolve(s);
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        jimfs.close();
    }
}
