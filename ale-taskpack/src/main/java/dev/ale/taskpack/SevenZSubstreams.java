package dev.ale.taskpack;

import java.util.BitSet;
import java.util.List;

/** Reads a 7z SubStreamsInfo: how many files each folder holds, their sizes and CRCs. */
final class SevenZSubstreams {
    private SevenZSubstreams() {}

    static SevenZStreams read(SevenZIn h, long packPos, long[] packSizes, List<SevenZStreams.Folder> folders)
            throws SevenZReader.Failure {
        int[] counts = new int[folders.size()];
        java.util.Arrays.fill(counts, 1);
        int id = h.u8();
        long total = folders.size();
        if (id == SevenZ.NUM_UNPACK_STREAM) {
            total = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = h.count(h.remaining() + 1L);
                total += counts[i];
            }
            id = h.u8();
        }
        if (total > h.remaining() + (long) folders.size()) {
            throw SevenZReader.unreadable(
                    "the header is damaged (" + total + " files cannot be described in what is left)");
        }
        long[] sizes = new long[(int) total];
        int next = 0;
        for (int f = 0; f < counts.length; f++) {
            long folderSize = folders.get(f).unpackSize();
            long sum = 0;
            if (counts[f] > 1 && id != SevenZ.SIZE) {
                throw SevenZReader.unreadable("the header gives no sizes for the files of a folder");
            }
            for (int i = 0; i < counts[f] - 1; i++) {
                sizes[next] = h.count(folderSize);
                sum += sizes[next++];
            }
            if (counts[f] > 0) {
                if (sum > folderSize) {
                    throw SevenZReader.unreadable("the files of a folder add up to more than the folder");
                }
                sizes[next++] = folderSize - sum;
            }
        }
        if (id == SevenZ.SIZE) {
            id = h.u8();
        }
        int digests = 0;
        for (int f = 0; f < counts.length; f++) {
            digests += counts[f] == 1 && folders.get(f).hasCrc() ? 0 : counts[f];
        }
        BitSet defined = new BitSet();
        long[] crcs = new long[sizes.length];
        BitSet stored = new BitSet();
        long[] storedCrcs = new long[digests];
        if (id == SevenZ.CRC) {
            stored = h.allOrBits(digests);
            for (int i = 0; i < digests; i++) {
                storedCrcs[i] = stored.get(i) ? h.uint32() : 0;
            }
            id = h.u8();
        }
        int stream = 0;
        int digest = 0;
        for (int f = 0; f < counts.length; f++) {
            SevenZStreams.Folder folder = folders.get(f);
            if (counts[f] == 1 && folder.hasCrc()) {
                defined.set(stream);
                crcs[stream++] = folder.crc();
                continue;
            }
            for (int i = 0; i < counts[f]; i++, stream++, digest++) {
                defined.set(stream, stored.get(digest));
                crcs[stream] = storedCrcs[digest];
            }
        }
        SevenZStreams.expect(id, SevenZ.END, "substreams info");
        List<SevenZStreams.Folder> withCounts = new java.util.ArrayList<>();
        for (int f = 0; f < counts.length; f++) {
            SevenZStreams.Folder x = folders.get(f);
            withCounts.add(new SevenZStreams.Folder(x.coders(), x.unpackSize(), x.hasCrc(), x.crc(), counts[f]));
        }
        return new SevenZStreams(packPos, packSizes, List.copyOf(withCounts), sizes, defined, crcs);
    }
}
