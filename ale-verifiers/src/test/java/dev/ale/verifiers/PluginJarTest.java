package dev.ale.verifiers;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verifier;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins in real jars, compiled by the test, found on the class path and on the module path. */
class PluginJarTest {
    @TempDir
    Path dir;

    Path echoJar() throws Exception {
        return PluginJars.factoryJar(dir, "acme-echo.jar", "acme.echo", "com.acme.EchoFactory", "acme.echo");
    }

    @Test
    void findsAPluginJarOnTheClassPath() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {echoJar().toUri().toURL()}, getClass().getClassLoader())) {
            VerifierRegistry r = VerifierRegistry.discover(loader);
            assertTrue(
                    r.types().contains("acme.echo") && r.types().containsAll(VerifierRegistryTest.builtInTypes()),
                    r.types().toString());
            assertEquals(List.of(), r.problems());
            Verifier v = r.create(json("{'type': 'acme.echo', 'score': 0.25}"), "");
            assertEquals(0.25, v.verify(TestContext.in(dir)).score());
            assertFalse(v.getClass().getModule().isNamed(), "on the class path a plugin is in the unnamed module");
        }
        assertFalse(VerifierRegistry.discover().types().contains("acme.echo"));
    }

    @Test
    void findsAPluginJarAsAnAutomaticModuleOnAModuleLayer() throws Exception {
        ModuleFinder finder = ModuleFinder.of(echoJar());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("acme.echo"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, getClass().getClassLoader());
        VerifierRegistry r = VerifierRegistry.discover(layer);
        assertTrue(
                r.types().contains("acme.echo") && r.types().containsAll(VerifierRegistryTest.builtInTypes()),
                r.types().toString());
        Verifier v = r.create(json("{'type': 'acme.echo', 'score': 0.75}"), "");
        assertEquals(0.75, v.verify(TestContext.in(dir)).score());
        assertEquals("acme.echo", v.getClass().getModule().getName());
        assertFalse(
                VerifierRegistry.discover(getClass().getClassLoader()).types().contains("acme.echo"),
                "the layer's plugin is not on the class path");
    }

    @Test
    void twoJarsClaimingOneTypeFailNamingBothJars() throws Exception {
        Path one = echoJar();
        Path two = PluginJars.factoryJar(dir, "other-echo.jar", null, "org.other.Echo", "acme.echo");
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {one.toUri().toURL(), two.toUri().toURL()}, getClass().getClassLoader())) {
            AleException e = assertThrows(AleException.class, () -> VerifierRegistry.discover(loader));
            assertContains("'acme.echo' is provided twice", e.getMessage());
            assertTrue(e.getMessage().contains("com.acme.EchoFactory (file:" + one), e.getMessage());
            assertTrue(e.getMessage().contains("org.other.Echo (file:" + two), e.getMessage());
        }
    }

    @Test
    void aPluginThatThrowsWhileLoadingIsReportedAndLeftOut() throws Exception {
        Path jar = PluginJars.jar(
                dir,
                "shaky.jar",
                null,
                Map.of(
                        "com.shaky.Broken",
                                PluginJars.factory(
                                        "com.shaky.Broken",
                                        "\"shaky.broken\"",
                                        "if (true) throw new IllegalStateException(\"no licence key\");"),
                        "com.shaky.Static",
                                PluginJars.factory("com.shaky.Static", "NAME", "")
                                        .replace(
                                                "public String type()",
                                                "static final String NAME = String.valueOf((Object) null).substring(9);\n"
                                                        + "  public String type()"),
                        "com.shaky.Mute",
                                PluginJars.factory(
                                        "com.shaky.Mute",
                                        "java.util.Objects.requireNonNull((String) null, \"mute\")",
                                        ""),
                        "com.shaky.Good", PluginJars.factory("com.shaky.Good", "\"shaky.good\"", "")),
                List.of("com.shaky.Broken", "com.shaky.Static", "com.shaky.Mute", "com.shaky.Good"));
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            VerifierRegistry r = VerifierRegistry.discover(loader);
            assertTrue(
                    r.types().contains("shaky.good") && !r.types().contains("shaky.broken"),
                    r.types().toString());
            List<String> problems = r.problems();
            assertEquals(3, problems.size(), problems.toString());
            assertContainsAll(problems.get(0), "com.shaky.Broken", "no licence key");
            assertContains("com.shaky.Static", problems.get(1));
            assertContainsAll(problems.get(2), "com.shaky.Mute", "shaky.jar");
        }
    }

    @Test
    void aPluginJarWithABareTypeNameIsRefused() throws Exception {
        Path jar = PluginJars.factoryJar(dir, "bare.jar", null, "com.bare.Csv", "csv");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            AleException e = assertThrows(AleException.class, () -> VerifierRegistry.discover(loader));
            assertContainsAll(e.getMessage(), "must be namespaced", "bare.jar");
        }
    }
}
