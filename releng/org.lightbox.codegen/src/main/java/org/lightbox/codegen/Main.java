package org.lightbox.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.resource.impl.URIMappingRegistryImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.URIHandlerImpl;

/**
 * Runs the EMF generator (model code only) for one bundle's {@code .genmodel}, headless and outside
 * Eclipse, the way "Generate Model Code" does inside the IDE.
 *
 * <p>The generator writes into a staging copy of the bundle (model/ and, in {@code merge} mode, the
 * current src-gen/), so the MANIFEST.MF, plugin.xml and build.properties it would also write never
 * touch the real bundle; only the staged src-gen/ replaces the bundle's src-gen/. In {@code merge}
 * mode JMerge keeps members marked {@code @generated NOT}; {@code clean} regenerates from scratch.
 *
 * <p>Arguments: {@code <bundle folder> <genmodel path inside it> [merge|clean]}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Main <bundle folder> <genmodel path in bundle> [merge|clean]");
            System.exit(2);
        }
        Path bundle = Path.of(args[0]).toAbsolutePath().normalize();
        String genModelPath = args[1];
        boolean merge = args.length < 3 || !"clean".equals(args[2]);
        String project = bundle.getFileName().toString();
        long start = System.nanoTime();

        Path staging = Files.createTempDirectory("lightbox-codegen");
        Path stagedProject = staging.resolve(project);
        try {
            copyTree(bundle.resolve("model"), stagedProject.resolve("model"));
            if (merge && Files.isDirectory(bundle.resolve("src-gen"))) {
                copyTree(bundle.resolve("src-gen"), stagedProject.resolve("src-gen"));
            }
            GenModel genModel = load(project, stagedProject, genModelPath);
            String modelDirectory = genModel.getModelDirectory();      // e.g. /org.lightbox.model/src-gen
            String expectedPrefix = "/" + project + "/";
            if (!modelDirectory.startsWith(expectedPrefix)) {
                fail("modelDirectory " + modelDirectory + " is not inside /" + project);
            }
            saveIfReconciled(genModel, bundle.resolve(genModelPath));
            generate(genModel);
            Path generated = stagedProject.resolve(modelDirectory.substring(expectedPrefix.length()));
            Path target = bundle.resolve(modelDirectory.substring(expectedPrefix.length()));
            deleteTree(target);
            copyTree(generated, target);
            long files;
            try (Stream<Path> s = Files.walk(target)) {
                files = s.filter(Files::isRegularFile).count();
            }
            System.out.printf("[codegen] %d files in %s (%s mode) in %.1f s%n", files, target,
                    merge ? "merge" : "clean", (System.nanoTime() - start) / 1e9);
        } finally {
            deleteTree(staging);
        }
    }

    private static GenModel load(String project, Path stagedProject, String genModelPath) {
        // platform:/resource/<project>/ is the staging copy; the generator writes through this map.
        EcorePlugin.getPlatformResourceMap().put(project, URI.createFileURI(stagedProject + "/"));
        mapPluginFolder("org.eclipse.emf.ecore", EcorePackage.class, "model/Ecore.genmodel");

        ResourceSet resourceSet = new ResourceSetImpl();
        var factories = resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap();
        factories.put("ecore", new EcoreResourceFactoryImpl());
        factories.put("genmodel", new EcoreResourceFactoryImpl());
        resourceSet.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        resourceSet.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);

        URI uri = URI.createPlatformResourceURI("/" + project + "/" + genModelPath, true);
        Resource resource = resourceSet.getResource(uri, true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        // The .ecore is loaded on demand and a broken one loads only in part, silently: check it.
        EcoreUtil.resolveAll(resourceSet);
        for (Resource loaded : resourceSet.getResources()) {
            if (!loaded.getErrors().isEmpty()) {
                fail(loaded.getURI() + " does not load: " + loaded.getErrors());
            }
        }
        // Same as the IDE does on opening a .genmodel: follow changes made to the .ecore since.
        if (!genModel.reconcile()) {
            fail("the genmodel no longer matches any package of its .ecore");
        }
        genModel.setCanGenerate(true);
        Diagnostic diagnostic = genModel.diagnose();
        report("genmodel", diagnostic);
        if (diagnostic.getSeverity() == Diagnostic.ERROR) {
            fail("the genmodel has errors");
        }
        return genModel;
    }

    /**
     * Writes the reconciled genmodel back when it differs from the committed one (a class or feature
     * was added to the .ecore), as the IDE's "Reload" would; a genmodel in step is left untouched.
     */
    private static void saveIfReconciled(GenModel genModel, Path committed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        genModel.eResource().save(out, Map.of(
                XMLResource.OPTION_URI_HANDLER, new URIHandlerImpl.PlatformSchemeAware(),
                XMLResource.OPTION_LINE_WIDTH, 100));
        byte[] reconciled = out.toByteArray();
        if (!Arrays.equals(reconciled, Files.readAllBytes(committed))) {
            Files.write(committed, reconciled);
            System.out.println("[codegen] updated " + committed + " to match the .ecore");
        }
    }

    private static void generate(GenModel genModel) {
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(
                GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator();
        generator.setInput(genModel);
        Diagnostic diagnostic = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                new BasicMonitor());
        report("generator", diagnostic);
        if (diagnostic.getSeverity() == Diagnostic.ERROR) {
            fail("generation failed");
        }
    }

    /** Lets platform:/plugin/&lt;bundle&gt;/ URIs (e.g. Ecore's own genmodel) resolve to a jar on the class path. */
    private static void mapPluginFolder(String bundle, Class<?> anyClassOfIt, String resourceInIt) {
        URL url = anyClassOfIt.getClassLoader().getResource(resourceInIt);
        if (url == null) {
            fail(resourceInIt + " not found beside " + anyClassOfIt.getName());
        }
        String s = url.toString();
        URI folder = URI.createURI(s.substring(0, s.length() - resourceInIt.length()));
        URIMappingRegistryImpl.INSTANCE.put(URI.createPlatformPluginURI("/" + bundle + "/", false), folder);
    }

    private static void report(String what, Diagnostic diagnostic) {
        if (diagnostic.getSeverity() == Diagnostic.OK) {
            return;
        }
        System.out.println("[codegen] " + what + ": " + diagnostic.getMessage());
        List<Diagnostic> children = diagnostic.getChildren();
        for (Diagnostic child : children) {
            System.out.println("[codegen]   " + severity(child) + " " + child.getMessage()
                    + (child.getException() == null ? "" : " (" + child.getException() + ")"));
        }
    }

    private static String severity(Diagnostic d) {
        return switch (d.getSeverity()) {
            case Diagnostic.ERROR -> "ERROR";
            case Diagnostic.WARNING -> "WARNING";
            case Diagnostic.INFO -> "INFO";
            default -> "";
        };
    }

    private static void fail(String message) {
        throw new IllegalStateException("[codegen] " + message);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(p -> {
                try {
                    Path q = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(q);
                    } else {
                        Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
