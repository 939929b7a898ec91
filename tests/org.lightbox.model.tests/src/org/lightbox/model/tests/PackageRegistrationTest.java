package org.lightbox.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.ENamedElement;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.LightboxPackage;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

class PackageRegistrationTest {

    private static final String NS_URI = "http://lightbox.org/model/1.0";

    @Test
    @DisplayName("The plugin.xml registers the Lightbox nsURI and its genmodel in the OSGi package registry")
    void pluginXmlRegistersThePackage() {
        Bundle bundle = FrameworkUtil.getBundle(LightboxPackage.class);
        assertNotNull(bundle, "not running inside OSGi");
        // Filled only from the generated_package extension, never by touching LightboxPackage.eINSTANCE.
        assertEquals(URI.createURI("platform:/plugin/org.lightbox.model/model/lightbox.genmodel"),
                EcorePlugin.getEPackageNsURIToGenModelLocationMap(false).get(NS_URI));
        assertSame(LightboxPackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage(NS_URI));
    }

    @Test
    @DisplayName("The model bundle exports its API, util and internal impl packages at version 0.1.0")
    void bundleExportsVersionedPackages() {
        Bundle bundle = FrameworkUtil.getBundle(LightboxPackage.class);
        Map<String, BundleCapability> exports = new TreeMap<>();
        for (BundleCapability c : bundle.adapt(BundleRevision.class).getDeclaredCapabilities("osgi.wiring.package")) {
            exports.put((String) c.getAttributes().get("osgi.wiring.package"), c);
        }
        assertEquals(List.of("org.lightbox.model", "org.lightbox.model.impl", "org.lightbox.model.util"),
                List.copyOf(exports.keySet()));
        for (BundleCapability c : exports.values()) {
            assertEquals(new Version(0, 1, 0), c.getAttributes().get("version"));
        }
        assertEquals("true", exports.get("org.lightbox.model.impl").getDirectives().get("x-internal"));
        assertEquals("lazy", bundle.getHeaders("").get("Bundle-ActivationPolicy"));
    }

    @Test
    @DisplayName("The lightbox.ecore shipped in the bundle has the classes, features and literals of the generated code")
    void shippedEcoreMatchesGeneratedCode() {
        Bundle bundle = FrameworkUtil.getBundle(LightboxPackage.class);
        URL ecore = bundle.getEntry("model/lightbox.ecore");
        assertNotNull(ecore, "model/ missing from bin.includes");
        assertNotNull(bundle.getEntry("model/lightbox.genmodel"), "genmodel missing from the bundle");
        Resource resource = XmiFiles.newResourceSet().getResource(URI.createURI(ecore.toString()), true);
        EPackage shipped = (EPackage) resource.getContents().get(0);

        assertEquals(resource.getErrors(), List.of());
        assertEquals(NS_URI, shipped.getNsURI());
        assertEquals(outline(LightboxPackage.eINSTANCE), outline(shipped));
    }

    /** Classifier name to its features (with type) or literals (with value), in declaration order. */
    private static Map<String, List<String>> outline(EPackage ePackage) {
        Map<String, List<String>> outline = new TreeMap<>();
        for (EClassifier classifier : ePackage.getEClassifiers()) {
            List<String> members = switch (classifier) {
                case EClass c -> c.getEStructuralFeatures().stream()
                        .map(f -> f.getName() + ":" + f.getEType().getName() + "[" + f.getLowerBound() + ".."
                                + f.getUpperBound() + "]" + (f.isMany() ? "*" : ""))
                        .toList();
                case EEnum e -> e.getELiterals().stream().map(l -> l.getName() + "=" + l.getValue()).toList();
                default -> List.of(((ENamedElement) classifier).getName());
            };
            outline.put(classifier.getName(), members);
        }
        return outline;
    }
}
