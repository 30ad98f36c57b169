package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code egress-capacity}: a fire inspector's means-of-egress review of a four-storey mixed-use
 * building under a fictional fire code: occupant load of each space from its use, the number of
 * exits each floor needs, the stair and door widths its occupants need against those provided,
 * and a status per floor.
 */
final class EgressCapacityTask {
    static final String ID = "egress-capacity";
    /** use, square metres per occupant. */
    private static final String[][] FACTORS = Catalogs.table(ID, "FACTORS");

    private static final String[][] FLOOR_USES = Catalogs.table(ID, "FLOOR_USES");
    static final BigDecimal STAIR_MM = new BigDecimal("7.6");
    static final BigDecimal DOOR_MM = new BigDecimal("5.1");

    private EgressCapacityTask() {}

    static void generate(StarterTask task, Random random) {
        Table factors = new Table("use,m2_per_occupant").addAll(FACTORS);
        Table spaces = new Table("floor,space_id,use,area_m2");
        Table exits = new Table("floor,exit_id,stair_width_mm,door_width_mm");
        Table spaceLoads = new Table("space_id,occupant_load");
        Table floors = new Table(
                "floor,occupant_load,required_exits,provided_exits,required_stair_width_mm,provided_stair_width_mm,required_door_width_mm,provided_door_width_mm,status");
        for (int floor = 1; floor <= 4; floor++) {
            int load = 0;
            String[] uses = FLOOR_USES[floor - 1];
            for (int s = 0; s < uses.length; s++) {
                BigDecimal area = Dec.random(random, 40, floor == 3 && s < 2 ? 260 : 420, 1);
                String id = floor + "-" + (char) ('A' + s);
                spaces.row(floor, id, uses[s], area);
                int spaceLoad = area.divide(Dec.of(factor(uses[s])), 0, RoundingMode.CEILING)
                        .intValue();
                spaceLoads.row(id, spaceLoad);
                load += spaceLoad;
            }
            int required = load < 50 ? 1 : load <= 500 ? 2 : load <= 1000 ? 3 : 4;
            int provided = floor == 3 ? 2 : 2 + random.nextInt(2);
            List<Integer> stairWidths = new ArrayList<>();
            int doors = 0;
            for (int e = 1; e <= provided; e++) {
                int stair = floor == 1 ? 0 : 10 * (110 + random.nextInt(60));
                int door = 10 * (86 + random.nextInt(100));
                stairWidths.add(stair);
                doors += door;
                exits.row(floor, "X" + floor + e, floor == 1 ? "" : String.valueOf(stair), door);
            }
            int stairs = stairWidths.stream().mapToInt(Integer::intValue).sum();
            int needStair = floor == 1
                    ? 0
                    : Dec.of(load)
                            .multiply(STAIR_MM)
                            .setScale(0, RoundingMode.CEILING)
                            .intValue();
            int needDoor = Dec.of(load)
                    .multiply(DOOR_MM)
                    .setScale(0, RoundingMode.CEILING)
                    .intValue();
            List<String> failures = new ArrayList<>();
            if (provided < required) {
                failures.add("FAIL_EXITS");
            }
            if (stairs < needStair) {
                failures.add("FAIL_STAIR_WIDTH");
            }
            if (doors < needDoor) {
                failures.add("FAIL_DOOR_WIDTH");
            }
            floors.row(
                    floor,
                    load,
                    required,
                    provided,
                    needStair,
                    stairs,
                    needDoor,
                    doors,
                    failures.isEmpty() ? "OK" : String.join(";", failures));
        }
        task.input("spaces.csv", spaces);
        task.input("occupant_load_factors.csv", factors);
        task.input("exits.csv", exits);
        task.csv("space_loads.csv", spaceLoads, "space_id")
                .rows("space occupant loads", 3, columns().num(0, "occupant_load"));
        task.csv("egress_check.csv", floors, "floor")
                .rows("floor loads and exits", 2, columns().num(0, "occupant_load", "required_exits", "provided_exits"))
                .rows(
                        "egress widths",
                        2,
                        columns()
                                .num(
                                        0,
                                        "required_stair_width_mm",
                                        "provided_stair_width_mm",
                                        "required_door_width_mm",
                                        "provided_door_width_mm"))
                .rows("floor status", 2, columns().anyCase("status"));
        task.instructions(instruction(spaceLoads, floors));
    }

    private static String factor(String use) {
        for (String[] f : FACTORS) {
            if (f[0].equals(use)) {
                return f[1];
            }
        }
        throw new IllegalArgumentException(use);
    }

    private static String instruction(Table spaceLoads, Table floors) {
        return """
                You are a fire inspector reviewing the means of egress of a four-storey mixed-use building \
                before its certificate of occupancy, under the Ardmore Fire Code (fictional).

                Files in the workspace:
                - `spaces.csv`: every space with its floor, use and floor area (m2).
                - `occupant_load_factors.csv`: the floor area per occupant of each use (m2 per person).
                - `exits.csv`: the exits of each floor with the clear width of its stair (mm; floor 1 \
                discharges directly outside and has no stairs) and of its exit door (mm).

                Code rules:
                1. Occupant load of a space = its area / the factor of its use, rounded up to a whole person. \
                A floor's occupant load is the sum over its spaces.
                2. Required exits per floor: 1 for fewer than 50 occupants, 2 for 50 to 500, 3 for 501 to \
                1000, 4 above 1000. Provided exits = the exits listed for the floor.
                3. Required stair width = occupant load x 7.6 mm, rounded up to a whole mm (0 on floor 1); \
                required door width = occupant load x 5.1 mm, rounded up. Provided widths are the sums over \
                the floor's exits.
                4. status: OK when nothing fails, otherwise the failures among FAIL_EXITS (too few exits), \
                FAIL_STAIR_WIDTH and FAIL_DOOR_WIDTH (provided < required), in that order, joined with ";".

                Write `space_loads.csv` with the header `{spaces}` (one row per space) and \
                `egress_check.csv` with the header `{floors}` (one row per floor).

                Grading: rows are matched by space_id and by floor; every number must be exact and the status \
                is compared without case; rows that do not belong cost credit."""
                .replace("{spaces}", spaceLoads.headerLine())
                .replace("{floors}", floors.headerLine());
    }
}
