package dev.ale.taskpack;

import dev.ale.archive.Listing;
import dev.ale.archive.NamePolicy;
import dev.ale.archive.ZipArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A pack in a zip file, read with random access through the SDK's hardened {@link ZipArchive}: the
 * whole central directory is checked when the pack is opened, entries are read on demand.
 */
final class ZipSource implements PackSource {
    private final ZipArchive zip;

    private ZipSource(ZipArchive zip) {
        this.zip = zip;
    }

    /** Opens and checks the zip file, under the pack's limits and names in their one spelling. */
    static ZipSource open(Path file, PackLimits limits) {
        return new ZipSource(
                ZipArchive.open(file, file.getFileName().toString(), limits.forArchives(), NamePolicy.CANONICAL));
    }

    @Override
    public String location() {
        return zip.location();
    }

    @Override
    public Listing listing() {
        return zip.listing();
    }

    @Override
    public InputStream open(String path) throws IOException {
        return zip.open(path);
    }

    @Override
    public void close() {
        zip.close();
    }
}
