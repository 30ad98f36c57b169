package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.testfixtures.Python3;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PythonFloatsTest {
    @Test
    void writesWhatPythonsReprWrites() {
        String[][] cases = {
            {"1.0", "1.0"},
            {"0.5", "0.5"},
            {"-2.25", "-2.25"},
            {"0.0", "0.0"},
            {"-0.0", "-0.0"},
            {"0.01", "0.01"},
            {"0.0001", "0.0001"},
            {"0.00001", "1e-05"},
            {"0.00012", "0.00012"},
            {"1e16", "1e+16"},
            {"9007199254740992", "9007199254740992.0"},
            {"1e22", "1e+22"},
            {"1e23", "1e+23"},
            {"4.9e-324", "5e-324"},
            {"1.7976931348623157e308", "1.7976931348623157e+308"},
            {"0.30000000000000004", "0.30000000000000004"},
            {"123456789.125", "123456789.125"},
            {"1.2345678901234568e17", "1.2345678901234568e+17"},
            {"2.5e-100", "2.5e-100"},
            {"NaN", "NaN"},
            {"Infinity", "Infinity"},
            {"-Infinity", "-Infinity"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], PythonFloats.repr(Double.parseDouble(c[0])), c[0]);
        }
    }

    /** Each double read back from what was written is the same double, and shorter digits do not read back as it. */
    @Test
    void theDigitsReadBackAndNoneCanGo() {
        SplittableRandom random = new SplittableRandom(20261207);
        for (double d : sample(random, 50_000)) {
            if (!Double.isFinite(d) || d == 0) {
                continue;
            }
            PythonFloats.Digits s = PythonFloats.shortest(Math.abs(d));
            assertEquals(Math.abs(d), s.value(), () -> "read back: " + d);
            int n = s.digits().length() - 1;
            if (n > 0) {
                assertEquals(
                        false,
                        s.down(n).value() == Math.abs(d) || s.up(n).value() == Math.abs(d),
                        () -> "shorter: " + d);
            }
        }
    }

    /** The property against Python itself: the same text as {@code repr} for 30,000 doubles of every kind. */
    @Test
    void matchesPythonOnManyDoubles() {
        Assumptions.assumeTrue(Python3.available(), "python3 is not installed");
        List<Double> doubles = sample(new SplittableRandom(7), 30_000);
        StringBuilder in = new StringBuilder();
        for (double d : doubles) {
            in.append(Long.toHexString(Double.doubleToRawLongBits(d))).append('\n');
        }
        String out = Python3.run(
                "import json, struct, sys\n"
                        + "for line in sys.stdin.read().split():\n"
                        + "    print(json.dumps(struct.unpack('>d', int(line, 16).to_bytes(8, 'big'))[0]))\n",
                in.toString());
        String[] python = out.split("\n");
        assertEquals(doubles.size(), python.length);
        for (int i = 0; i < doubles.size(); i++) {
            assertEquals(
                    python[i],
                    PythonFloats.repr(doubles.get(i)),
                    "bits " + Long.toHexString(Double.doubleToRawLongBits(doubles.get(i))));
        }
    }

    /** Random bit patterns, short decimals, scores and durations, integers, powers of two and ten, subnormals, edges. */
    static List<Double> sample(SplittableRandom random, int n) {
        List<Double> out = new ArrayList<>(List.of(
                0.0,
                -0.0,
                1.0,
                1e16,
                1e-4,
                1e-5,
                9.999999999999999e15,
                1e15,
                1e23,
                Double.MIN_VALUE,
                Double.MIN_NORMAL,
                Double.MAX_VALUE,
                Math.nextDown(1e16),
                Math.nextUp(1e-4),
                Math.nextDown(1e-4),
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        while (out.size() < n) {
            switch (random.nextInt(7)) {
                case 0 -> out.add(Double.longBitsToDouble(random.nextLong()));
                case 1 -> out.add(random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12)));
                case 2 -> out.add(Math.round(random.nextDouble() * 10_000) / 100.0);
                case 3 -> out.add((double) random.nextLong(1L << 62) / (1L << random.nextInt(62)));
                case 4 -> out.add(Math.scalb(1.0, random.nextInt(-1074, 1024)));
                case 5 -> out.add(Double.longBitsToDouble(random.nextLong(1L << 52)));
                default -> out.add(Double.parseDouble(random.nextInt(1, 10) + "e" + random.nextInt(-330, 310)));
            }
        }
        return out;
    }
}
