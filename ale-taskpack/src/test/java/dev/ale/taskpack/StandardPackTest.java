package dev.ale.taskpack;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the standard pack ({@link PackFixture#standard}), written afresh into a temporary folder for each test. */
abstract class StandardPackTest {
    /** The bank-rec task's task.json. */
    static final String BANK = "tasks/bank-rec/task.json";

    @TempDir
    Path tmp;

    PackFixture p;

    @BeforeEach
    void setUpPack() {
        p = PackFixture.standard(packDir());
    }

    /** Where the pack is written: the temporary folder itself, unless a test keeps other files beside it. */
    Path packDir() {
        return tmp;
    }
}
