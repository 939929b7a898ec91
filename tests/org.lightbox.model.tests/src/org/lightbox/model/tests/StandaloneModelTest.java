package org.lightbox.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.model.LightboxPackage;

class StandaloneModelTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("The model loads outside OSGi: a plain java -cp process builds, saves and reloads a project")
    void modelRunsOnAPlainClassPath() throws Exception {
        Path file = dir.resolve("standalone.xmi");
        // The same jars and folders the OSGi framework loaded these classes from, as a flat class path.
        Set<Path> classPath = new LinkedHashSet<>(List.of(
                classRoot(LightboxPackage.class),                       // org.lightbox.model
                classRoot(EObject.class),                               // org.eclipse.emf.ecore
                classRoot(URI.class),                                   // org.eclipse.emf.common
                classRoot(XMIResourceFactoryImpl.class),                // org.eclipse.emf.ecore.xmi
                classRoot(StandaloneRoundTrip.class)));                 // this fragment

        List<String> lines = runJava(classPath, StandaloneRoundTrip.class.getName(), file.toString());

        assertTrue(lines.contains("osgi=absent"), "child JVM saw an OSGi framework: " + lines);
        assertTrue(lines.contains("eclipseRunning=false"), lines::toString);
        assertTrue(lines.contains("nsURI=http://lightbox.org/model/1.0"), lines::toString);
        assertTrue(lines.contains("findings=14"), lines::toString);
        assertTrue(lines.contains("roots=39"), lines::toString);
        assertTrue(lines.contains("equal=true"), lines::toString);
        // and what was written outside OSGi reads back inside it as the very same project
        assertTrue(EcoreUtil.equals(Cxr14Fixture.build().roots(), XmiFiles.load(file)));
    }

    /** The jar or class folder a class was loaded from, found through its code source, not through OSGi. */
    private static Path classRoot(Class<?> type) throws URISyntaxException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        assertTrue(source != null && source.getLocation() != null, "no code source for " + type);
        Path root = Path.of(source.getLocation().toURI());
        String classFile = type.getName().replace('.', '/') + ".class";
        if (Files.isDirectory(root) && !Files.isRegularFile(root.resolve(classFile))) {
            // a bundle run from its project folder (Tycho's dev mode): classes are in its output folder
            root = root.resolve("target/classes");
        }
        assertTrue(Files.isRegularFile(root) || Files.isRegularFile(root.resolve(classFile)),
                type + " is not under " + root);
        return root;
    }

    private static List<String> runJava(Set<Path> classPath, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                mainClass));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("lightbox-standalone", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(finished, "child JVM did not finish in 120 s: " + output);
        assertEquals(0, process.exitValue(), () -> command + "\n" + output);
        return output.lines().toList();
    }
}
