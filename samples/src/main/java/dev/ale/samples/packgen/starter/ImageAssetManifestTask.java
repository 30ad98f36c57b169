package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * {@code image-asset-manifest}: a delivery manifest for a campaign's image assets: reduced aspect
 * ratio, orientation, megapixels and print size at the file's resolution, and whether each asset
 * meets the web-hero, social-square and A4-print specifications.
 */
final class ImageAssetManifestTask {
    static final String ID = "image-asset-manifest";

    /** A shape of image the photographers and designers deliver: pixel size and resolution. */
    private record Shape(int width, int height, int dpi, String mode) {}

    private static final Shape[] SHAPES = {
        new Shape(1920, 1080, 72, "RGB"), new Shape(2560, 1440, 72, "RGB"), new Shape(1600, 900, 72, "RGB"),
        new Shape(1080, 1080, 72, "RGB"), new Shape(2048, 2048, 144, "RGB"), new Shape(1000, 1000, 72, "RGB"),
        new Shape(2480, 3508, 300, "CMYK"), new Shape(3508, 2480, 300, "CMYK"), new Shape(2550, 3300, 300, "CMYK"),
        new Shape(4000, 6000, 300, "RGB"), new Shape(6000, 4000, 240, "CMYK"), new Shape(1940, 1090, 72, "RGB"),
        new Shape(3000, 2000, 300, "RGB"), new Shape(2400, 3600, 300, "CMYK"), new Shape(1920, 1200, 96, "RGB"),
        new Shape(4961, 7016, 600, "CMYK"), new Shape(1200, 1500, 72, "RGB"), new Shape(5472, 3648, 300, "CMYK"),
    };
    private static final String[] SUBJECTS = {
        "hero-harbour",
        "team-portrait",
        "product-flatlay",
        "store-front",
        "lookbook",
        "banner-sale",
        "event-stage",
        "packshot",
        "detail-fabric",
        "campaign-key-visual"
    };

    private ImageAssetManifestTask() {}

    static void generate(StarterTask task, Random random) {
        ObjectNode spec = Formats.object();
        spec.putObject("web_hero")
                .put("color_mode", "RGB")
                .put("min_width_px", 1920)
                .put("aspect_ratio", "16:9")
                .put("aspect_tolerance_pct", 1);
        spec.putObject("social_square").put("color_mode", "RGB").put("min_side_px", 1080);
        spec.putObject("print_a4")
                .put("color_mode", "CMYK")
                .put("page_short_in", 8.27)
                .put("page_long_in", 11.69)
                .put("min_ppi", 300);
        Table assets = new Table("file_name,width_px,height_px,dpi,color_mode,file_size_kb");
        Table manifest = new Table(
                "file_name,aspect_ratio,orientation,megapixels,print_width_in,print_height_in,web_hero_ok,social_square_ok,print_a4_ok");
        for (int i = 0; i < SHAPES.length; i++) {
            Shape s = SHAPES[i];
            String name = SUBJECTS[random.nextInt(SUBJECTS.length)] + "-" + (101 + i)
                    + (s.mode().equals("CMYK") ? ".tif" : ".jpg");
            boolean cmyk = s.mode().equals("CMYK");
            int kb = (int) (s.width() * (long) s.height() * (cmyk ? 4 : 3) / 1024 / (cmyk ? 2 : 9))
                    + random.nextInt(300);
            assets.row(name, s.width(), s.height(), s.dpi(), s.mode(), kb);
            int g = BigInteger.valueOf(s.width())
                    .gcd(BigInteger.valueOf(s.height()))
                    .intValue();
            String orientation = s.width() > s.height() ? "LANDSCAPE" : s.width() < s.height() ? "PORTRAIT" : "SQUARE";
            BigDecimal ratio = Dec.div(Dec.of(s.width()), Dec.of(s.height()));
            BigDecimal target = Dec.div(Dec.of(16), Dec.of(9));
            boolean hero = s.mode().equals("RGB")
                    && s.width() >= 1920
                    && ratio.subtract(target).abs().compareTo(target.multiply(Dec.of("0.01"))) <= 0;
            boolean square = s.mode().equals("RGB") && s.width() == s.height() && s.width() >= 1080;
            int shortSide = Math.min(s.width(), s.height());
            int longSide = Math.max(s.width(), s.height());
            boolean print = s.mode().equals("CMYK")
                    && Dec.of(shortSide).compareTo(Dec.of("8.27").multiply(Dec.of(300))) >= 0
                    && Dec.of(longSide).compareTo(Dec.of("11.69").multiply(Dec.of(300))) >= 0;
            manifest.row(
                    name,
                    (s.width() / g) + ":" + (s.height() / g),
                    orientation,
                    Dec.div(Dec.of(s.width() * (long) s.height()), Dec.of(1_000_000), 2),
                    Dec.div(Dec.of(s.width()), Dec.of(s.dpi()), 2),
                    Dec.div(Dec.of(s.height()), Dec.of(s.dpi()), 2),
                    yes(hero),
                    yes(square),
                    yes(print));
        }
        task.input("assets.csv", assets);
        task.input("delivery_spec.json", spec);
        List<String> key = List.of("file_name");
        task.csv("manifest.csv", manifest, "file_name")
                .rows(
                        "geometry",
                        5,
                        columns()
                                .text("aspect_ratio")
                                .anyCase("orientation")
                                .num(0.01, "megapixels", "print_width_in", "print_height_in"))
                .rows("delivery checks", 4, columns().anyCase("web_hero_ok", "social_square_ok", "print_a4_ok"));
        task.instructions(instruction(manifest));
    }

    private static String yes(boolean b) {
        return b ? "YES" : "NO";
    }

    private static String instruction(Table manifest) {
        return """
                You are the production designer of a retail campaign. Before the assets go to the agency, \
                build a delivery manifest that says what each image is and which deliverables it can be used for.

                Files in the workspace:
                - `assets.csv`: one row per image file (file_name, width_px, height_px, dpi, color_mode, \
                file_size_kb).
                - `delivery_spec.json`: the three deliverable specifications.

                For each asset:
                - aspect_ratio: width:height reduced by their greatest common divisor, such as 16:9 or 3:2.
                - orientation: LANDSCAPE (width > height), PORTRAIT (width < height) or SQUARE.
                - megapixels = width x height / 1,000,000; print_width_in = width / dpi; print_height_in = \
                height / dpi; each rounded to 2 decimal places (half up).
                - web_hero_ok: YES when the color mode is RGB, the width is at least min_width_px, and \
                width / height is within aspect_tolerance_pct percent of 16/9 (|w/h - 16/9| <= 1% of 16/9); \
                otherwise NO.
                - social_square_ok: YES when the color mode is RGB and width = height >= min_side_px.
                - print_a4_ok: YES when the color mode is CMYK and the image covers an A4 page at min_ppi in \
                its own orientation: shorter side >= page_short_in x min_ppi pixels and longer side >= \
                page_long_in x min_ppi pixels.

                Write `manifest.csv` with the header `{header}` and one row per asset.

                Grading: rows are matched by file_name; aspect_ratio must be exact, orientation and the \
                YES/NO columns are compared without case, numbers within 0.01; rows for unknown files cost \
                credit."""
                .replace("{header}", manifest.headerLine());
    }
}
