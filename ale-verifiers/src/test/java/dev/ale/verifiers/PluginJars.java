package dev.ale.verifiers;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierFactory;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plugin jars for tests: compiles Java sources against the API and lists their providers. */
final class PluginJars {
    private PluginJars() {}

    /**
     * A plugin factory class {@code pkg.Name} of the given type whose verifiers score the config's
     * {@code "score"} (default 1), with {@code constructorBody} run in its constructor.
     */
    static String factory(String qualifiedName, String type, String constructorBody) {
        int dot = qualifiedName.lastIndexOf('.');
        return "package " + qualifiedName.substring(0, dot) + ";\n"
                + "public final class " + qualifiedName.substring(dot + 1)
                + " implements dev.ale.api.spi.VerifierFactory {\n"
                + "  public " + qualifiedName.substring(dot + 1) + "() { " + constructorBody + " }\n"
                + "  public String type() { return " + type + "; }\n"
                + "  public dev.ale.api.spi.Verifier create(com.fasterxml.jackson.databind.JsonNode c, dev.ale.api.spi.VerifierFactories n) {\n"
                + "    double s = c.path(\"score\").asDouble(1);\n"
                + "    return ctx -> dev.ale.api.spi.Verdict.of(s, \"plugin\", java.util.List.of());\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * A jar (a named module when {@code moduleName} is not null) of one factory, {@code qualifiedName},
     * of the verifier type {@code type}, listed as its provider.
     */
    static Path factoryJar(Path dir, String jarName, String moduleName, String qualifiedName, String type)
            throws IOException {
        return jar(
                dir,
                jarName,
                moduleName,
                Map.of(qualifiedName, factory(qualifiedName, "\"" + type + "\"", "")),
                List.of(qualifiedName));
    }

    /**
     * Compiles {@code sources} (class name to source text) into {@code dir/<jarName>}, with a
     * {@code META-INF/services/dev.ale.api.spi.VerifierFactory} listing {@code providers} and, when
     * given, an {@code Automatic-Module-Name}.
     */
    static Path jar(Path dir, String jarName, String moduleName, Map<String, String> sources, List<String> providers)
            throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args =
                new ArrayList<>(List.of("--release", "17", "-classpath", classPath(), "-d", classes.toString()));
        args.addAll(files);
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("plugin did not compile: " + errors.toString(StandardCharsets.UTF_8));
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (moduleName != null) {
            manifest.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
        }
        Path jar = dir.resolve(jarName);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("META-INF/services/" + VerifierFactory.class.getName()));
            j.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    /** The jars (or directories) holding the API and Jackson, which a plugin compiles against. */
    private static String classPath() {
        return Stream.of(VerifierFactory.class, JsonNode.class, TreeNode.class, JsonAutoDetect.class)
                .map(PluginJars::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
