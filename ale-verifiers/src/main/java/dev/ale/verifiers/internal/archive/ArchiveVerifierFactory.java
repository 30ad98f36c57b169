package dev.ale.verifiers.internal.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.archive.TarArchive;
import dev.ale.verifiers.internal.composite.CompositeVerifierFactory;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.ScopedContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The {@code archive} verifier: opens a zip, tar or tar.gz output file safely and scores its content
 * with nested verifiers that see the unpacked archive as their output root.
 *
 * <pre>{"type": "archive", "file": "deliverable.zip", "checks": [
 *   {"type": "tree", "glob": "reports/*.pdf", "min": 3},
 *   {"type": "text", "file": "README.md", "contains": "Usage", "weight": 2}]}</pre>
 * <ul>
 * <li>{@code file} (required): the archive, an output file.</li>
 * <li>{@code format}: {@code auto} (default: by content), {@code zip}, {@code tar} or {@code tar.gz}.</li>
 * <li>{@code limits}: {@link UnpackLimits} ({@code maxEntries}, {@code maxEntryBytes}, {@code maxTotalBytes}, {@code maxRatio}).</li>
 * <li>{@code checks} (required): child verifiers as in the composites (with {@code name}, {@code gate}, and
 *     {@code weight} when combined by {@code weighted}).</li>
 * <li>{@code combine}: {@code weighted} (default), {@code all} or {@code any}, as the composite of that name.</li>
 * </ul>
 * The archive is unpacked by the SDK's one hardened archive reader (module {@code ale-archive}) into a
 * private temporary directory (see {@link Extraction}) that is deleted afterwards. A missing, unsafe, malformed or over-limit archive is
 * a failed gate; otherwise the score is the children's, combined.
 */
@API(status = INTERNAL)
public final class ArchiveVerifierFactory implements VerifierFactory {
    private final Path tempParent;

    /** Unpacks into the default temporary directory. */
    public ArchiveVerifierFactory() {
        this(null);
    }

    /** Unpacks under {@code tempParent} (tests), or the default temporary directory when null. */
    ArchiveVerifierFactory(Path tempParent) {
        this.tempParent = tempParent;
    }

    @Override
    public String type() {
        return "archive";
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        Options o = Options.of(config, "file", "format", "limits", "checks", "combine");
        RelPath file = o.path("file");
        String format = o.choice("format", "auto", "auto", "zip", "tar", "tar.gz");
        UnpackLimits limits = o.has("limits")
                ? UnpackLimits.read(o.object("limits", "maxEntries", "maxEntryBytes", "maxTotalBytes", "maxRatio"))
                : UnpackLimits.DEFAULTS;
        CompositeVerifierFactory.Mode mode = CompositeVerifierFactory.Mode.valueOf(
                o.choice("combine", "weighted", "weighted", "all", "any").toUpperCase(Locale.ROOT));
        List<CompositeVerifierFactory.Child> children = CompositeVerifierFactory.children(
                o, nested, mode == CompositeVerifierFactory.Mode.WEIGHTED ? "weight" : null);
        return new Archive(file, format, limits, new CompositeVerifierFactory.Composite(mode, children), tempParent);
    }

    /** The verifier; immutable if its children are. */
    record Archive(RelPath file, String format, UnpackLimits limits, Verifier content, Path tempParent)
            implements Verifier {
        @Override
        public Verdict verify(VerificationContext ctx) throws Exception {
            return GateFailure.verdictOf(() -> score(ctx));
        }

        private Verdict score(VerificationContext ctx) throws Exception {
            Path path = SafeFiles.output(ctx, file);
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                    Extraction x = Extraction.create(tempParent, file.value(), limits)) {
                String found = unpack(path, ch, x);
                Verdict v = content.verify(new ScopedContext(ctx, x.root()));
                List<Check> checks = new ArrayList<>();
                checks.add(new Check(
                        file.value(),
                        1,
                        0,
                        false,
                        true,
                        "a safe " + (format.equals("auto") ? "archive" : format + " archive"),
                        found + ", " + x.entries() + " entries, " + x.total() + " bytes unpacked",
                        List.of()));
                checks.addAll(v.checks());
                return new Verdict(v.score(), v.gateFailed(), file.value() + ": " + v.summary(), checks);
            }
        }

        /** Detects the format, checks it against the configured one and unpacks; returns the format found. */
        private String unpack(Path path, FileChannel ch, Extraction x) throws GateFailure, IOException {
            ByteBuffer head = ByteBuffer.allocate(512);
            while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
                // fills the first block, or as much as the file holds
            }
            byte[] h = new byte[head.position()];
            head.flip().get(h);
            String found =
                    h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 && h[3] == 4 || h[2] == 5 && h[3] == 6)
                            ? "zip"
                            : h.length >= 2 && (h[0] & 0xFF) == 0x1f && (h[1] & 0xFF) == 0x8b
                                    ? "tar.gz"
                                    : TarArchive.isHeader(h) ? "tar" : null;
            if (found == null || !format.equals("auto") && !format.equals(found)) {
                throw x.problem(
                        h.length == 0
                                ? "an empty file, not an archive"
                                : "not a " + (format.equals("auto") ? "zip, tar or tar.gz" : format) + " archive"
                                        + (found == null ? "" : " (it is a " + found + " archive)"));
            }
            if (found.equals("zip")) {
                x.zip(path);
            } else {
                x.tar(Channels.newInputStream(ch.position(0)), found.equals("tar.gz"));
            }
            return found;
        }
    }
}
