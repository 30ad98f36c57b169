package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ale.api.spi.VerificationContext;
import java.io.IOException;
import org.apiguardian.api.API;

/**
 * Reads JSON files for verifiers: nesting deeper than {@link #MAX_DEPTH} levels, duplicate
 * member names, trailing content and empty files are malformed (a failed gate for output files,
 * a task error for reference files). Decimals are read exactly.
 */
@API(status = INTERNAL)
public final class JsonFiles {
    /** The deepest nesting accepted in a JSON file. */
    public static final int MAX_DEPTH = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonFiles() {}

    /** The JSON document of an output file. */
    public static JsonNode output(VerificationContext ctx, RelPath rel) throws GateFailure, IOException {
        byte[] bytes = SafeFiles.outputBytes(ctx, rel);
        String problem;
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n != null && !n.isMissingNode()) {
                return n;
            }
            problem = "malformed JSON: the file holds no JSON value";
        } catch (JsonProcessingException e) {
            problem = "malformed JSON: " + describe(e);
        } catch (IOException | RuntimeException e) {
            // the bytes are in memory, so anything else is a decoding error too: Jackson's
            // CharConversionException for bytes it takes for UTF-32, its NumberFormatException for
            // a number such as 1e10000001234 that no BigDecimal holds
            problem = "malformed JSON: " + e.getMessage();
        }
        throw new GateFailure(rel.value(), "a JSON document", Render.brief(problem, 160));
    }

    /** The JSON document of a reference file. */
    public static JsonNode reference(VerificationContext ctx, RelPath rel) throws IOException {
        byte[] bytes = SafeFiles.referenceBytes(ctx, rel);
        JsonNode n;
        try {
            n = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw SafeFiles.referenceError(rel, "is malformed JSON: " + describe(e));
        } catch (IOException | RuntimeException e) {
            throw SafeFiles.referenceError(rel, "is malformed JSON: " + e.getMessage());
        }
        if (n == null || n.isMissingNode()) {
            throw SafeFiles.referenceError(rel, "holds no JSON value");
        }
        return n;
    }

    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }
}
