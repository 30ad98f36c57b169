package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.SessionOutcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a client does with nothing but dev.ale:ale-core on its class path. */
class EmbedTest {
    @Test
    void opensAPackRunsALambdaHarnessAndReadsTheFullPassRate() throws Exception {
        try (TaskPack pack = TaskPacks.open(Path.of(System.getProperty("pack.dir")))) {
            EvaluationReport report = Evaluator.run(pack, ctx -> {
                String total = Files.readString(ctx.workspace().resolve("invoice.txt"))
                        .lines()
                        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .map(BigDecimal::new)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .toPlainString();
                Files.writeString(ctx.workspace().resolve("total.txt"), total + "\n");
                return SessionOutcome.completed();
            });
            assertEquals(1.0, report.fullPassRate().value());
        }
    }
}
