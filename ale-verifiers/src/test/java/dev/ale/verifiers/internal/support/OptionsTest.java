package dev.ale.verifiers.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.spi.VerifierConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@link Options}: allowed names, strings and paths, each error at its JSON Pointer. */
class OptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static VerifierConfigException fails(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(VerifierConfigException.class, e);
    }

    @Test
    void typeIsAlwaysAllowedAndAnyOtherUnknownNameIsAnErrorListingTheAllowedOnesSorted() throws Exception {
        Options.of(json("{'type':'text','file':'a'}"), "file");
        VerifierConfigException e = fails(() -> Options.of(json("{'type':'text','fiel':'a'}"), "file", "equals"));
        assertEquals("/fiel", e.field());
        assertEquals("unknown option 'fiel'; allowed: equals, file, type", e.rule());
    }

    @Test
    void nestedObjectsAllowOnlyTheirOwnNamesAndMapsAllowAny() throws Exception {
        Options o = Options.of(json("{'type':'t','tol':{'abs':1,'rel':2},'m':{'x~y':1}}"), "tol", "m");
        assertEquals(List.of("abs", "rel"), o.object("tol", "abs", "rel").names());
        VerifierConfigException e = fails(() -> o.object("tol", "abs"));
        assertEquals("/tol/rel", e.field());
        assertEquals("unknown option 'rel'; allowed: abs", e.rule());
        assertEquals(List.of("x~y"), o.map("m").names());
        assertEquals("/m/x~0y", o.map("m").pointer("x~y"));
        assertEquals(
                "/tol/type",
                fails(() -> o.object("tol", "abs", "rel").string("type")).field());
    }

    @Test
    void aStringMustBeANonEmptyStringAndItsErrorsNameItsPointer() throws Exception {
        Options o = Options.at(json("{'s':'x','e':'','n':3,'a/b':''}"), "/checks/0", "s", "e", "n", "a/b");
        assertEquals("x", o.string("s"));
        VerifierConfigException empty = fails(() -> o.string("e"));
        assertEquals("/checks/0/e", empty.field());
        assertEquals("must not be empty", empty.rule());
        VerifierConfigException number = fails(() -> o.string("n"));
        assertEquals("/checks/0/n", number.field());
        assertEquals("must be a string, got " + Options.kind(json("3")), number.rule());
        assertEquals("/checks/0/a~1b", fails(() -> o.string("a/b")).field());
        VerifierConfigException missing = fails(() -> o.string("absent"));
        assertEquals("/checks/0/absent", missing.field());
        assertEquals("option 'absent' is required", missing.rule());
    }

    @Test
    void aPathIsARelativePathAndABadOneIsAnErrorAtItsPointerWithTheParsersRule() throws Exception {
        Options o =
                Options.at(json("{'ok':'out/a.csv','up':'../a','abs':'/etc/x','e':''}"), "/v", "ok", "up", "abs", "e");
        assertEquals(RelPath.parse("out/a.csv"), o.path("ok"));
        for (String bad : List.of("up", "abs")) {
            VerifierConfigException e = fails(() -> o.path(bad));
            assertEquals("/v/" + bad, e.field());
            String rule = assertThrows(
                            IllegalArgumentException.class,
                            () -> RelPath.parse(o.raw(bad).textValue()))
                    .getMessage();
            assertEquals(rule, e.rule());
        }
        assertEquals("must not be empty", fails(() -> o.path("e")).rule());
    }
}
