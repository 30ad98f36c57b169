package dev.ale.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** The agent's rules for an image delivery manifest: reduced aspect ratio, print size, and the three deliverable checks. */
final class AssetManifester {
    private static final String MANIFEST = "manifest.csv";

    private AssetManifester() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.asksFor(
                instruction,
                MANIFEST,
                "file_name,aspect_ratio,orientation,megapixels,print_width_in,print_height_in,web_hero_ok,social_square_ok,print_a4_ok")) {
            return SessionOutcome.gaveUp("unexpected manifest format");
        }
        ws.list();
        JsonNode spec = ws.json("delivery_spec.json");
        JsonNode hero = spec.path("web_hero");
        String[] ratio = hero.path("aspect_ratio").asText().split(":");
        BigDecimal target = Num.div(Num.of(ratio[0]), Num.of(ratio[1]));
        BigDecimal slack = Num.percent(target, hero.path("aspect_tolerance_pct").decimalValue(), 30);
        JsonNode square = spec.path("social_square");
        JsonNode print = spec.path("print_a4");
        BigDecimal shortPx = print.path("page_short_in")
                .decimalValue()
                .multiply(print.path("min_ppi").decimalValue());
        BigDecimal longPx = print.path("page_long_in")
                .decimalValue()
                .multiply(print.path("min_ppi").decimalValue());
        SimpleCsv.Writer out = new SimpleCsv.Writer(Instructions.header(instruction, MANIFEST));
        for (Map<String, String> a : ws.csv("assets.csv")) {
            long w = Long.parseLong(a.get("width_px"));
            long h = Long.parseLong(a.get("height_px"));
            BigDecimal dpi = Num.of(a.get("dpi"));
            String mode = a.get("color_mode");
            long g = BigInteger.valueOf(w).gcd(BigInteger.valueOf(h)).longValue();
            boolean heroOk = mode.equals(hero.path("color_mode").asText())
                    && w >= hero.path("min_width_px").asLong()
                    && Num.div(Num.of(w), Num.of(h)).subtract(target).abs().compareTo(slack) <= 0;
            boolean squareOk = mode.equals(square.path("color_mode").asText())
                    && w == h
                    && w >= square.path("min_side_px").asLong();
            boolean printOk = mode.equals(print.path("color_mode").asText())
                    && Num.of(Math.min(w, h)).compareTo(shortPx) >= 0
                    && Num.of(Math.max(w, h)).compareTo(longPx) >= 0;
            out.row(
                    a.get("file_name"),
                    (w / g) + ":" + (h / g),
                    w > h ? "LANDSCAPE" : w < h ? "PORTRAIT" : "SQUARE",
                    Num.div(Num.of(w * h), Num.of(1_000_000), 2),
                    Num.div(Num.of(w), dpi, 2),
                    Num.div(Num.of(h), dpi, 2),
                    yes(heroOk),
                    yes(squareOk),
                    yes(printOk));
        }
        ws.write(MANIFEST, out.text());
        return SessionOutcome.completed();
    }

    private static String yes(boolean b) {
        return b ? "YES" : "NO";
    }
}
