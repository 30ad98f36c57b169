package dev.ale.samples;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import org.apiguardian.api.API;

/**
 * A rule-based stand-in for an LLM agent, for trying the SDK without a model or an API key. It
 * knows the tasks of the sample and starter packs by id and works them the way an agent would: it
 * reads the instruction and the files in the workspace (and nothing else: never the reference,
 * never the generator), derives the answers from them, writes its output files and records each
 * step in the trajectory. Where an instruction does not ask for the output its rules produce, it
 * gives up rather than guess.
 *
 * <p>Its rules are not equally good, so a run shows the SDK's outcomes side by side. On the sample
 * pack: {@code bank-reconciliation} and {@code freight-cost-allocation} are solved fully;
 * {@code dosage-calculation} overlooks the maximum-dose cap and earns partial credit; on
 * {@code contract-deadlines} it dockets the original agreements in session 1 and gives up on the
 * amendment in session 2. On the starter pack it solves eleven of the 26 tasks fully, earns
 * partial credit on seven (each rule set has a realistic blind spot, documented on its class) and
 * gives up on the other eight. Any other task it gives up on at once.
 */
@API(status = EXPERIMENTAL)
public final class RuleBasedAgent implements Harness {
    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        String instruction = ctx.instruction();
        ctx.trajectory().message("user", instruction);
        AgentWorkspace ws = new AgentWorkspace(ctx.workspace(), ctx.trajectory());
        String taskId = ctx.task().id();
        SessionOutcome outcome =
                switch (taskId) {
                    case "bank-reconciliation" -> new BankReconciler(ws).solve(instruction);
                    case "freight-cost-allocation" -> new FreightAllocator(ws).solve(instruction);
                    case "dosage-calculation" -> new DoseCalculator(ws).solve(instruction);
                    case "contract-deadlines" -> new DeadlineDocketer(ws).solve(instruction);
                    default -> starter(taskId, ws, instruction);
                };
        ctx.trajectory()
                .message(
                        "assistant",
                        outcome.status() == SessionOutcome.Status.COMPLETED
                                ? "Done."
                                : "Giving up: " + outcome.message());
        return outcome;
    }

    /** The rules for the starter pack's tasks. */
    private static SessionOutcome starter(String taskId, AgentWorkspace ws, String instruction) throws Exception {
        return switch (taskId) {
            case "three-way-match" -> InvoiceMatcher.solve(ws, instruction);
            case "loan-amortization" -> LoanAmortizer.solve(ws, instruction);
            case "depreciation-schedule" -> Depreciator.solve(ws, instruction);
            case "bates-production-log" -> BatesNumberer.solve(ws, instruction);
            case "irrigation-water-budget" -> IrrigationPlanner.solve(ws, instruction);
            case "lab-dilutions" -> SolutionPrep.solve(ws, instruction);
            case "psych-scale-scoring" -> ScaleScorer.solve(ws, instruction);
            case "library-circulation" -> CirculationReporter.solve(ws, instruction);
            case "service-log-error-rates" -> LogAnalyzer.solve(ws, instruction);
            case "sales-aggregation" -> SalesReporter.solve(ws, instruction);
            case "image-asset-manifest" -> AssetManifester.solve(ws, instruction);
            case "payroll-overtime" -> PayrollRunner.solve(ws, instruction);
            case "sales-tax-jurisdictions" -> SalesTaxer.solve(ws, instruction);
            case "inventory-fifo" -> FifoCoster.solve(ws, instruction);
            case "medical-coding" -> MedicalCoder.solve(ws, instruction);
            case "iv-infusion-rates" -> InfusionCalculator.solve(ws, instruction);
            case "gradebook-weighted" -> GradeCalculator.solve(ws, instruction);
            case "qpcr-fold-change" -> QpcrAnalyzer.solve(ws, instruction);
            default -> SessionOutcome.gaveUp("no rules for task '" + taskId + "'");
        };
    }

    @Override
    public String name() {
        return "rule-based-agent";
    }
}
