package dev.ale.verifiers;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.AleException;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.verifiers.internal.composite.CompositeVerifierFactory;
import dev.ale.verifiers.internal.support.ImpostorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierRegistryTest {
    /** The types every build of this module has; others may be added. */
    private static final Set<String> FOUNDATION =
            Set.of("file-exists", "text", "json", "number", "csv", "all", "any", "weighted", "command", "rubric");

    private static final Set<String> BUILT_IN = builtInTypes();

    /**
     * The types of the factories listed in this module's own services file (not a test's), read
     * independently of the registry.
     */
    static Set<String> builtInTypes() {
        try {
            String registry = VerifierRegistry.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toString();
            Set<String> types = new TreeSet<>();
            for (URL url : Collections.list(VerifierRegistry.class
                    .getClassLoader()
                    .getResources("META-INF/services/" + VerifierFactory.class.getName()))) {
                if (url.toString().startsWith(registry) || url.toString().startsWith("jar:" + registry)) {
                    try (InputStream in = url.openStream()) {
                        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                            if (!line.isBlank()) {
                                types.add(((VerifierFactory) Class.forName(line.strip())
                                                .getConstructor()
                                                .newInstance())
                                        .type());
                            }
                        }
                    }
                }
            }
            return Set.copyOf(types);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path dir;

    @Test
    void discoversTheBuiltInTypes() {
        VerifierRegistry r = VerifierRegistry.discover();
        assertTrue(BUILT_IN.containsAll(FOUNDATION), BUILT_IN.toString());
        assertEquals(BUILT_IN, r.types());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void carriesAPolicyThatDefaultsToNoCommands() {
        VerifierRegistry r = VerifierRegistry.discover();
        assertEquals(VerifierPolicy.DEFAULT, r.policy());
        VerifierRegistry allowing = r.withPolicy(new VerifierPolicy(true));
        assertEquals(new VerifierPolicy(true), allowing.policy());
        assertEquals(VerifierPolicy.DEFAULT, r.policy(), "withPolicy leaves the original as it was");
        assertEquals(r.types(), allowing.types());
        assertEquals(
                VerifierPolicy.DEFAULT,
                allowing.withPolicy(VerifierPolicy.DEFAULT).policy());
        assertEquals(
                new VerifierPolicy(true),
                new VerifierRegistry().withPolicy(new VerifierPolicy(true)).policy());
    }

    @Test
    void equalWhenTheyBuildTheSameVerifiersUnderTheSamePolicy() throws Exception {
        VerifierRegistry found = VerifierRegistry.discover();
        assertEquals(found, VerifierRegistry.discover(), "discovered twice through the same loaders");
        assertEquals(found.hashCode(), VerifierRegistry.discover().hashCode());
        assertEquals(found, new VerifierRegistry(), "as ServiceLoader makes it");
        assertNotEquals(found, found.withPolicy(new VerifierPolicy(true)), "a policy that allows commands");
        assertEquals(
                found.withPolicy(new VerifierPolicy(true)),
                VerifierRegistry.discover().withCommandsAllowed());
        assertEquals(found, found.withPolicy(new VerifierPolicy(true)).withPolicy(VerifierPolicy.DEFAULT));
        try (URLClassLoader loader = pluginLoader("dev.ale.verifiers.TestFactories$Acme");
                URLClassLoader again = pluginLoader("dev.ale.verifiers.TestFactories$Acme")) {
            VerifierRegistry withPlugin = VerifierRegistry.discover(List.of(loader));
            assertNotEquals(found, withPlugin, "one more type");
            assertEquals(withPlugin, VerifierRegistry.discover(List.of(loader)));
            assertEquals(withPlugin, VerifierRegistry.discover(List.of(again)), "another loader, the same class");
        }
        Path jar = PluginJars.factoryJar(dir, "echo.jar", null, "com.acme.Echo", "acme.echo");
        try (URLClassLoader one = new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                URLClassLoader two = new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals(VerifierRegistry.discover(one), VerifierRegistry.discover(one));
            assertNotEquals(
                    VerifierRegistry.discover(one),
                    VerifierRegistry.discover(two),
                    "the same jar in two loaders: two classes, which may differ in their static state");
        }
        TestFactories.Acme acme = new TestFactories.Acme();
        assertEquals(VerifierRegistry.of(acme), VerifierRegistry.of(acme));
        assertNotEquals(
                VerifierRegistry.of(acme),
                VerifierRegistry.of(new TestFactories.Acme()),
                "a factory given by the caller may carry state: only the same instance is the same");
        assertNotEquals(found, new Object());
    }

    @Test
    void passesItsPolicyToEveryFactoryIncludingComposites() {
        List<VerifierPolicy> seen = new ArrayList<>();
        VerifierFactory spy = new TestFactories.Fixed("acme.spy", 1) {
            @Override
            public Verifier create(JsonNode config, VerifierFactories nested) {
                seen.add(nested.policy());
                return super.create(config, nested);
            }
        };
        VerifierRegistry r =
                VerifierRegistry.of(spy, new CompositeVerifierFactory.All()).withPolicy(new VerifierPolicy(true));
        r.create(json("{'type': 'all', 'checks': [{'type': 'acme.spy'}]}"), "");
        assertEquals(List.of(new VerifierPolicy(true)), seen);
    }

    @Test
    void isItselfAServiceOfVerifierFactories() {
        List<VerifierFactories> found = ServiceLoader.load(VerifierFactories.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof VerifierRegistry);
        assertEquals(BUILT_IN, found.get(0).types());
        assertEquals(VerifierPolicy.DEFAULT, found.get(0).policy());
    }

    @Test
    void refusesConfigsThatAreNotObjectsWithAStringType() {
        VerifierRegistry r = Fixture.REGISTRY;
        assertEquals(
                "/checks/1",
                assertThrows(VerifierConfigException.class, () -> r.create(json("[]"), "/checks/1"))
                        .field());
        assertEquals(
                "/checks/1/type",
                assertThrows(VerifierConfigException.class, () -> r.create(json("{}"), "/checks/1"))
                        .field());
        assertEquals(
                "/type",
                assertThrows(VerifierConfigException.class, () -> r.create(json("{'type': 3}"), ""))
                        .field());
    }

    @Test
    void namesAnUnknownTypeAndListsTheKnownOnes() {
        VerifierConfigException e = assertThrows(
                VerifierConfigException.class, () -> Fixture.REGISTRY.create(json("{'type': 'jsno'}"), "/verifier"));
        assertEquals("/verifier/type", e.field());
        assertTrue(
                e.getMessage().contains("'jsno'")
                        && e.getMessage().endsWith("known types: " + String.join(", ", new TreeSet<>(BUILT_IN))),
                e.getMessage());
    }

    @Test
    void reportsFactoryErrorsUnderThePointer() {
        VerifierConfigException e = assertThrows(
                VerifierConfigException.class,
                () -> Fixture.REGISTRY.create(json("{'type': 'text', 'contains': 'x'}"), "/verifier"));
        assertEquals("/verifier/file", e.field());
        VerifierRegistry acme = VerifierRegistry.of(new TestFactories.Acme());
        assertEquals(
                "/checks/0/bad",
                assertThrows(
                                VerifierConfigException.class,
                                () -> acme.create(json("{'type': 'acme.double-entry', 'bad': 1}"), "/checks/0"))
                        .field());
    }

    @Test
    void refusesAFactoryThatReturnsNoVerifier() {
        VerifierRegistry r = VerifierRegistry.of(new TestFactories.Null());
        VerifierConfigException e =
                assertThrows(VerifierConfigException.class, () -> r.create(json("{'type': 'acme.null'}"), ""));
        assertTrue(e.getMessage().contains(TestFactories.Null.class.getName()), e.getMessage());
    }

    @Test
    void refusesTwoFactoriesOfOneTypeNamingBothAndWhereTheyCameFrom() {
        AleException e = assertThrows(
                AleException.class, () -> VerifierRegistry.of(new TestFactories.Acme(), new TestFactories.AcmeTwin()));
        assertTrue(e.getMessage().contains(TestFactories.Acme.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(TestFactories.AcmeTwin.class.getName()), e.getMessage());
        assertContains("test-classes", e.getMessage());
    }

    @Test
    void refusesBarePluginNames() {
        AleException e = assertThrows(AleException.class, () -> VerifierRegistry.of(new TestFactories.Bare()));
        assertContainsAll(e.getMessage(), "namespaced", "acme.double-entry");
    }

    @Test
    void aClassInTheBuiltInPackageFromElsewhereIsStillAPlugin() {
        AleException e = assertThrows(AleException.class, () -> VerifierRegistry.of(new ImpostorFactory()));
        assertContains("namespaced", e.getMessage());
    }

    @Test
    void refusesInvalidTypeNames() {
        for (String bad : List.of("acme..x", "acme.", ".x", "Acme X.y", "acme.é", "")) {
            AleException e = assertThrows(AleException.class, () -> VerifierRegistry.of(TestFactories.named(bad)), bad);
            assertContains("not valid", e.getMessage());
        }
        assertEquals(
                Set.of("acme.x_1", "Acme.Double-Entry"),
                VerifierRegistry.of(TestFactories.named("acme.x_1"), TestFactories.named("Acme.Double-Entry"))
                        .types());
    }

    @Test
    void leavesOutBrokenProvidersAndReportsThem() throws Exception {
        try (URLClassLoader loader = pluginLoader(
                "dev.ale.verifiers.TestFactories$Broken",
                "no.such.Factory",
                "dev.ale.verifiers.TestFactories$Mute",
                "dev.ale.verifiers.TestFactories$Acme")) {
            VerifierRegistry r = VerifierRegistry.discover(List.of(loader));
            assertTrue(
                    r.types().containsAll(BUILT_IN) && r.types().contains("acme.double-entry"),
                    r.types().toString());
            assertEquals(3, r.problems().size(), r.problems().toString());
            assertContains("TestFactories$Broken", r.problems().get(0));
            assertContains("no.such.Factory", r.problems().get(1));
            assertContainsAll(r.problems().get(2), "TestFactories$Mute", "no comment");
            assertEquals(
                    0.5,
                    r.create(json("{'type': 'acme.double-entry', 'score': 0.5}"), "")
                            .verify(TestContext.in(dir))
                            .score());
        }
    }

    @Test
    void refusesDuplicatesFoundByDiscovery() throws Exception {
        try (URLClassLoader loader =
                pluginLoader("dev.ale.verifiers.TestFactories$Acme", "dev.ale.verifiers.TestFactories$AcmeTwin")) {
            AleException e = assertThrows(AleException.class, () -> VerifierRegistry.discover(List.of(loader)));
            assertContains("provided twice", e.getMessage());
        }
    }

    @Test
    void discoverUsesTheContextClassLoader() throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        try (URLClassLoader loader = pluginLoader("dev.ale.verifiers.TestFactories$Acme")) {
            t.setContextClassLoader(loader);
            assertTrue(VerifierRegistry.discover().types().contains("acme.double-entry"));
            assertTrue(new VerifierRegistry().types().contains("acme.double-entry"));
        } finally {
            t.setContextClassLoader(saved);
        }
        assertEquals(BUILT_IN, VerifierRegistry.discover().types());
    }

    /** A class loader over the test classes plus a services file listing {@code providers}. */
    private URLClassLoader pluginLoader(String... providers) throws Exception {
        Path root = Files.createTempDirectory(dir, "plugin");
        Path services = Files.createDirectories(root.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.ale.api.spi.VerifierFactory"), String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
    }
}
