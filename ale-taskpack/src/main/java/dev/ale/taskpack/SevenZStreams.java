package dev.ale.taskpack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The streams info of a 7z header: where the packed streams are, the folders (chains of coders)
 * that decode them, and how each folder's output splits into files (sizes and CRCs). Only what a
 * sealed reference needs is accepted: simple coders (one stream in, one out), Copy and 7zAES, one
 * packed stream per folder.
 */
record SevenZStreams(
        long packPos, long[] packSizes, List<Folder> folders, long[] streamSizes, BitSet crcDefined, long[] crcs) {
    static final SevenZStreams EMPTY =
            new SevenZStreams(0, new long[0], List.of(), new long[0], new BitSet(), new long[0]);

    /** One coder of a folder: its method id, properties and output size. */
    record Coder(byte[] method, byte[] properties, long unpackSize) {}

    /** One folder: its coders in decoding order (the first reads the packed stream), output size, CRC, files. */
    record Folder(List<Coder> coders, long unpackSize, boolean hasCrc, long crc, int substreams) {}

    /** Where folder {@code index}'s packed stream starts, relative to the end of the signature header. */
    long packPosition(int index) {
        long at = packPos;
        for (int i = 0; i < index; i++) {
            at += packSizes[i];
        }
        return at;
    }

    long packSize(int index) {
        return packSizes[index];
    }

    boolean streamCrcDefined(int stream) {
        return crcDefined.get(stream);
    }

    long streamCrc(int stream) {
        return crcs[stream];
    }

    /** Reads a streams info, from its first property id to its kEnd; {@code substreams}: whether a SubStreamsInfo may follow. */
    static SevenZStreams read(SevenZIn h, boolean substreams) throws SevenZReader.Failure {
        int id = h.u8();
        long packPos = 0;
        long[] packSizes = new long[0];
        if (id == SevenZ.PACK_INFO) {
            packPos = h.count(Integer.MAX_VALUE);
            packSizes = new long[h.count(h.remaining())];
            id = h.u8();
            if (id == SevenZ.SIZE) {
                for (int i = 0; i < packSizes.length; i++) {
                    packSizes[i] = h.count(Integer.MAX_VALUE);
                }
                id = h.u8();
            }
            if (id == SevenZ.CRC) {
                BitSet defined = h.allOrBits(packSizes.length);
                h.skip(4 * defined.cardinality());
                id = h.u8();
            }
            expect(id, SevenZ.END, "pack info");
            id = h.u8();
        }
        List<Folder> folders = new ArrayList<>();
        List<long[]> coderSizes = new ArrayList<>();
        if (id == SevenZ.UNPACK_INFO) {
            expect(h.u8(), SevenZ.FOLDER, "unpack info");
            int count = h.count(h.remaining());
            if (h.u8() != 0) {
                throw SevenZReader.unreadable("folders stored outside the header are not supported");
            }
            List<int[]> orders = new ArrayList<>();
            List<List<Coder>> raw = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<Coder> coders = new ArrayList<>();
                orders.add(folder(h, coders));
                raw.add(coders);
            }
            expect(h.u8(), SevenZ.CODERS_UNPACK_SIZE, "unpack info");
            for (List<Coder> coders : raw) {
                long[] sizes = new long[coders.size()];
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = h.count(Integer.MAX_VALUE);
                }
                coderSizes.add(sizes);
            }
            id = h.u8();
            BitSet hasCrc = new BitSet();
            long[] crcs = new long[count];
            if (id == SevenZ.CRC) {
                hasCrc = h.allOrBits(count);
                for (int i = 0; i < count; i++) {
                    crcs[i] = hasCrc.get(i) ? h.uint32() : 0;
                }
                id = h.u8();
            }
            expect(id, SevenZ.END, "unpack info");
            for (int i = 0; i < count; i++) {
                int[] order = orders.get(i);
                List<Coder> ordered = new ArrayList<>();
                for (int c : order) {
                    Coder coder = raw.get(i).get(c);
                    ordered.add(new Coder(
                            coder.method(), coder.properties(), coderSizes.get(i)[c]));
                }
                folders.add(
                        new Folder(ordered, ordered.get(ordered.size() - 1).unpackSize(), hasCrc.get(i), crcs[i], 1));
            }
            id = h.u8();
        }
        if (packSizes.length != folders.size()) {
            throw SevenZReader.unreadable("the archive has " + packSizes.length + " packed streams for "
                    + folders.size() + " folders (sealed references use one packed stream per folder)");
        }
        SevenZStreams streams = defaultSubstreams(packPos, packSizes, folders);
        if (id == SevenZ.SUBSTREAMS_INFO && substreams) {
            streams = SevenZSubstreams.read(h, packPos, packSizes, folders);
            id = h.u8();
        }
        expect(id, SevenZ.END, "streams info");
        return streams;
    }

    /** One file per folder, with the folder's CRC. */
    private static SevenZStreams defaultSubstreams(long packPos, long[] packSizes, List<Folder> folders) {
        long[] sizes = new long[folders.size()];
        long[] crcs = new long[folders.size()];
        BitSet defined = new BitSet();
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = folders.get(i).unpackSize();
            crcs[i] = folders.get(i).crc();
            defined.set(i, folders.get(i).hasCrc());
        }
        return new SevenZStreams(packPos, packSizes, List.copyOf(folders), sizes, defined, crcs);
    }

    /**
     * Reads one folder's coders into {@code coders} (as stored) and returns their decoding order:
     * from the coder that reads the packed stream, along the bind pairs, to the one whose output is
     * the folder's.
     */
    private static int[] folder(SevenZIn h, List<Coder> coders) throws SevenZReader.Failure {
        int count = h.count(4);
        if (count == 0) {
            throw SevenZReader.unreadable("a folder without coders");
        }
        for (int i = 0; i < count; i++) {
            int flags = h.u8();
            if ((flags & 0x10) != 0 || (flags & 0x80) != 0) {
                throw SevenZReader.unreadable("coders with several streams or alternative methods are not supported");
            }
            byte[] method = h.bytes(flags & 0x0f);
            byte[] props = (flags & 0x20) != 0 ? h.bytes(h.count(h.remaining())) : new byte[0];
            if (!Arrays.equals(method, SevenZ.COPY) && !Arrays.equals(method, SevenZ.AES)) {
                throw SevenZReader.unreadable("unsupported 7z method " + SevenZ.hex(method) + ": a sealed reference is"
                        + " stored with Copy and 7zAES only (seal it with TaskPackWriter.sealReferences, or with"
                        + " 7z a -mx0 -mhc=off -mhe=on -p)");
            }
            coders.add(new Coder(method, props, 0));
        }
        int[] inOf = new int[count];
        Arrays.fill(inOf, -1);
        BitSet boundIn = new BitSet();
        for (int i = 0; i < count - 1; i++) {
            int in = h.count(count - 1);
            int out = h.count(count - 1);
            if (inOf[out] >= 0 || boundIn.get(in)) {
                throw SevenZReader.unreadable("a folder binds a stream twice");
            }
            inOf[out] = in;
            boundIn.set(in);
        }
        int[] order = new int[count];
        int current = boundIn.nextClearBit(0);
        BitSet seen = new BitSet();
        for (int i = 0; i < count; i++) {
            if (current < 0 || seen.get(current)) {
                throw SevenZReader.unreadable("a folder's coders do not form one chain");
            }
            seen.set(current);
            order[i] = current;
            current = inOf[current];
        }
        if (current >= 0) {
            throw SevenZReader.unreadable("a folder's coders do not form one chain");
        }
        return order;
    }

    static void expect(int id, int wanted, String where) throws SevenZReader.Failure {
        if (id != wanted) {
            throw SevenZReader.unreadable(
                    "the header is damaged (property " + id + " where " + where + " has " + wanted + ")");
        }
    }
}
