package dev.ale.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The readings of {@code /proc} behind a process tree's watch: ids handed out, a task's parent and kind. */
class PidCursorTest {
    /** A {@code stat} line of 52 fields; {@code %s} is the name, {@code %d} the parent, {@code %s} the exit signal. */
    private static final String STAT = "4242 (%s) S %d 4242 4200 0 -1 4194560 120 0 0 0 1 0 0 0 20 0 1 0 399"
            + " 2641920 220 18446744073709551615 1 1 0 0 0 0 0 0 65536 0 0 0 %s 1 0 0 0 0 0 1 1 1 1 1 1 1 0\n";

    @Test
    void theParentAndKindAreReadAfterTheNameWhateverTheNameHolds() {
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            // a task's name: up to 15 bytes, anything but NUL, parentheses, spaces and newlines included
            byte[] name = new byte[random.nextInt(16)];
            for (int j = 0; j < name.length; j++) {
                byte[] tricky = {')', '(', ' ', '\n', '-', '9'};
                name[j] =
                        random.nextBoolean() ? tricky[random.nextInt(tricky.length)] : (byte) (1 + random.nextInt(255));
            }
            long ppid = random.nextInt(1 << 22);
            boolean thread = random.nextBoolean();
            byte[] line = stat(name, ppid, thread ? "-1" : Integer.toString(random.nextInt(65)));
            PidCursor.Stat s = PidCursor.parseStat(line);
            assertNotNull(s, new String(line, StandardCharsets.ISO_8859_1));
            assertEquals(ppid, s.ppid(), new String(line, StandardCharsets.ISO_8859_1));
            assertEquals(thread, s.thread(), new String(line, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void whatIsNotAStatLineGivesNothingAndAShortOneIsAProcess() {
        assertNull(PidCursor.parseStat(new byte[0]));
        assertNull(PidCursor.parseStat("4242 (name S 1 2 3".getBytes(StandardCharsets.US_ASCII)));
        assertNull(PidCursor.parseStat("4242 (name) S".getBytes(StandardCharsets.US_ASCII)));
        assertNull(PidCursor.parseStat("4242 (name) S x 1".getBytes(StandardCharsets.US_ASCII)));
        PidCursor.Stat shortLine = PidCursor.parseStat("4242 (name) S 17 1 2".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new PidCursor.Stat(17, false), shortLine);
        byte[] cut = "4242 (n) S 17 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 "
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(new PidCursor.Stat(17, false), PidCursor.parseStat(cut));
    }

    @Test
    void numbersAndTheLastNumberOfALine() {
        byte[] load = "1.14 1.97 1.78 1/85 26964\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(26964, PidCursor.lastNumber(load));
        assertEquals(-1, PidCursor.lastNumber("1.5 x\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, PidCursor.lastNumber(new byte[0]));
        assertEquals(85, PidCursor.number(load, 17));
        assertEquals(-1, PidCursor.number(load, 4));
    }

    @Test
    void idsAreCountedRoundTheWrap() {
        assertEquals(0, PidCursor.distance(500, 500, 32768));
        assertEquals(7, PidCursor.distance(500, 507, 32768));
        // 32766 and 32767, then 1 to 300
        assertEquals(302, PidCursor.distance(32765, 300, 32768));
        assertEquals(300, PidCursor.distance(32767, 300, 32768));
    }

    @Test
    void anInterruptDoesNotCutTheCheckShortAndIsKeptForTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        slow.start();
        Thread.currentThread().interrupt();
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        opener.start();
        PidCursor.joinUninterruptibly(slow);
        assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
        assertFalse(slow.isAlive(), "the join waited for the thread to end");
        opener.join();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheIdOfAProcessStartedBetweenTwoPointsLiesBetweenThem() throws Exception {
        assumeTrue(PidCursor.trustworthy(), "/proc/loadavg does not show this namespace's ids here");
        PidCursor.Point before = PidCursor.now();
        Process p = new ProcessBuilder("/bin/true").start();
        PidCursor.Point after = PidCursor.now();
        p.waitFor();
        assertNotNull(before);
        assertNotNull(after);
        long pidMax = PidCursor.pidMax();
        long span = PidCursor.distance(before.lastPid(), after.lastPid(), pidMax);
        long at = PidCursor.distance(before.lastPid(), p.pid(), pidMax);
        assertTrue(at > 0 && at <= span, before + " " + p.pid() + " " + after);
        assertTrue(after.forks() > before.forks(), before + " " + after);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxAThreadIsToldFromAProcess() throws Exception {
        PidCursor.Stat self = PidCursor.stat(ProcessHandle.current().pid());
        assertNotNull(self);
        assertFalse(self.thread());
        assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), self.ppid());
        long[] tid = {-1};
        PidCursor.Stat[] own = new PidCursor.Stat[1];
        Thread t = new Thread(() -> {
            try {
                String link =
                        Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
                tid[0] = Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            own[0] = PidCursor.stat(tid[0]);
        });
        t.start();
        t.join();
        assertTrue(tid[0] > 0);
        assertNotNull(own[0], "the thread's own id has a /proc entry");
        assertTrue(own[0].thread());
        assertEquals(self.ppid(), own[0].ppid(), "a thread shows its process's parent");
        assertNull(PidCursor.stat(Integer.MAX_VALUE), "no task has that id");
    }

    private static byte[] stat(byte[] name, long ppid, String exitSignal) {
        String[] parts = STAT.split("%s|%d", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(name);
        out.writeBytes(parts[1].getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Long.toString(ppid).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(parts[2].getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(exitSignal.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(parts[3].getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
