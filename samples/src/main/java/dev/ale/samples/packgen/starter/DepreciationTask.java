package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code depreciation-schedule}: a two-session fixed-asset task. Session 1 asks for straight-line
 * schedules of the asset register; session 2 brings the controller's memo moving equipment and
 * vehicles to double-declining balance (switching to straight line when that is larger) and an
 * asset bought late in the year. Only the final schedules are graded.
 */
final class DepreciationTask {
    static final String ID = "depreciation-schedule";
    static final Set<String> DECLINING = Set.of("EQUIPMENT", "VEHICLE");

    record Asset(
            String id, String description, String category, int year, BigDecimal cost, BigDecimal salvage, int life) {}

    private static final String[][] REGISTER = Catalogs.table(ID, "REGISTER");

    private DepreciationTask() {}

    static void generate(StarterTask task, Random random) {
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < REGISTER.length; i++) {
            String[] r = REGISTER[i];
            BigDecimal cost =
                    Dec.of(100L * Formats.between(random, Integer.parseInt(r[3]) / 100, Integer.parseInt(r[4]) / 100));
            BigDecimal salvage =
                    Dec.round(cost.multiply(Dec.of(new String[] {"0", "0.05", "0.10"}[random.nextInt(3)])), 2);
            assets.add(new Asset(
                    "FA-" + (1001 + i),
                    r[0],
                    r[1],
                    2022 + random.nextInt(4),
                    Dec.round(cost, 2),
                    salvage,
                    Integer.parseInt(r[2])));
        }
        Asset late = new Asset(
                "FA-" + (1001 + REGISTER.length),
                "Robotic welding cell",
                "EQUIPMENT",
                2025,
                Dec.round(Dec.of(100L * Formats.between(random, 900, 1400)), 2),
                Dec.of("5000.00"),
                5);
        Table register = register(assets);
        List<Asset> all = new ArrayList<>(assets);
        all.add(late);
        task.input("fixed_assets.csv", register);
        task.later(2, "new_assets.csv", register(List.of(late)));
        task.later(2, "memo-method-change.txt", memo());
        Table schedule = new Table("asset_id,year,method,depreciation,accumulated_depreciation,book_value_end");
        TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
        for (Asset a : all) {
            schedule(a, DECLINING.contains(a.category()), schedule, byYear);
        }
        Table totals = new Table("year,total_depreciation");
        byYear.forEach(totals::row);
        task.csv("depreciation_schedule.csv", schedule, "asset_id", "year")
                .rows(
                        "asset schedules",
                        7,
                        columns()
                                .text("method")
                                .num(0.01, "depreciation", "accumulated_depreciation", "book_value_end"));
        task.csv("depreciation_by_year.csv", totals, "year")
                .rows("annual totals", 2, columns().num(0.01, "total_depreciation"));
        task.instructions(first(schedule, totals), second());
    }

    private static Table register(List<Asset> assets) {
        Table t = new Table("asset_id,description,category,in_service_year,cost,salvage_value,useful_life_years");
        assets.forEach(a -> t.row(a.id(), a.description(), a.category(), a.year(), a.cost(), a.salvage(), a.life()));
        return t;
    }

    /** Appends the asset's schedule, straight-line or double-declining with the switch, as the instructions say. */
    static void schedule(Asset a, boolean declining, Table out, TreeMap<Integer, BigDecimal> byYear) {
        BigDecimal book = a.cost();
        BigDecimal accumulated = BigDecimal.ZERO;
        BigDecimal straight = Dec.div(a.cost().subtract(a.salvage()), Dec.of(a.life()), 2);
        for (int k = 1; k <= a.life(); k++) {
            BigDecimal dep;
            if (k == a.life()) {
                dep = book.subtract(a.salvage());
            } else if (declining) {
                BigDecimal ddb = Dec.div(book.multiply(Dec.of(2)), Dec.of(a.life()), 2);
                BigDecimal sl = Dec.div(book.subtract(a.salvage()), Dec.of(a.life() - k + 1), 2);
                dep = ddb.max(sl).min(book.subtract(a.salvage()));
            } else {
                dep = straight;
            }
            book = book.subtract(dep);
            accumulated = accumulated.add(dep);
            int year = a.year() + k - 1;
            out.row(a.id(), year, declining ? "DDB" : "SL", dep, accumulated, book);
            byYear.merge(year, dep, BigDecimal::add);
        }
    }

    private static String memo() {
        return """
                MEMO
                To: Fixed-asset accounting
                From: Dana Whitfield, Controller, Orbis Precision Parts Ltd.
                Re: Depreciation method for production assets; new acquisition

                After review with our auditors we are changing the depreciation method of production assets \
                to better match their pattern of use. Please restate the schedules from each asset's first year.

                Categories moving to double-declining balance: EQUIPMENT, VEHICLE
                All other categories stay on straight line.

                Double-declining balance, as we apply it (full-year convention, as before):
                - rate = 2 / useful life in years;
                - in each year but the last, the declining-balance amount = book value at the start of the \
                year x rate, rounded to the cent (half up); the straight-line amount = (book value at the \
                start of the year - salvage value) / the years remaining including this one, rounded to the \
                cent; the depreciation is the larger of the two, but never more than book value - salvage value;
                - in the last year of the useful life the depreciation is book value - salvage value.

                Also: the robotic welding cell was placed in service this year; it is in new_assets.csv and \
                belongs in the register (EQUIPMENT).""";
    }

    private static String first(Table schedule, Table totals) {
        return """
                You are a staff accountant at Orbis Precision Parts Ltd. Prepare the depreciation schedules of \
                the fixed-asset register for the audit file.

                `fixed_assets.csv` in the workspace lists each asset: category, the year it was placed in \
                service, cost, salvage value and useful life in years.

                Rules (full-year convention: a full year of depreciation in the year placed in service):
                1. Straight line: the annual depreciation = (cost - salvage value) / useful life, rounded to \
                the cent (half up); in the last year of the useful life the depreciation is whatever brings \
                the book value to exactly the salvage value.
                2. Each asset has one row per year of its useful life, from its in-service year on. \
                accumulated_depreciation is the running total; book_value_end = cost - accumulated_depreciation.
                3. method is SL for straight line (or DDB for double-declining balance, if you are told to use it).

                Write `depreciation_schedule.csv` with the header `{schedule}`, and \
                `depreciation_by_year.csv` with the header `{totals}`: one row per calendar year that appears \
                in the schedule, with the total depreciation of all assets in that year. Amounts with 2 \
                decimal places.

                Grading: only the files as they stand at the end of the task are graded. Rows are matched by \
                asset_id and year, and by year; method must be exact and amounts are graded within 0.01; rows \
                that do not belong cost credit."""
                .replace("{schedule}", schedule.headerLine())
                .replace("{totals}", totals.headerLine());
    }

    private static String second() {
        return """
                The controller has sent a memo: `memo-method-change.txt` in the workspace, together with \
                `new_assets.csv`. Apply it: restate `depreciation_schedule.csv` and `depreciation_by_year.csv` \
                so that they show every asset of the register (the new one included) under the method the \
                memo sets for its category, with method DDB for double-declining balance and SL for straight \
                line. Same columns, rules and grading as before.""";
    }
}
