package org.lightbox.model.tests;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.EMFPlugin;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.lightbox.model.LightboxPackage;
import org.lightbox.model.Project;

/**
 * Main class run by {@link StandaloneModelTest} in a child JVM with a plain class path (model bundle,
 * EMF jars, this fragment's classes) and no OSGi framework: the standalone EMF set-up a script or a
 * server would use. Prints one {@code key=value} line per fact for the test to check.
 */
public final class StandaloneRoundTrip {

    private StandaloneRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        // Standalone registration, as documented for EMF outside Eclipse.
        Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap()
                .put("xmi", new XMIResourceFactoryImpl());
        EPackage.Registry.INSTANCE.put(LightboxPackage.eNS_URI, LightboxPackage.eINSTANCE);

        Cxr14Fixture fixture = Cxr14Fixture.build();
        XmiFiles.save(fixture.roots(), file);
        List<EObject> loaded = XmiFiles.load(file);
        Project project = (Project) loaded.get(0);

        System.out.println("osgi=" + (present("org.osgi.framework.Bundle") ? "present" : "absent"));
        System.out.println("eclipseRunning=" + EMFPlugin.IS_ECLIPSE_RUNNING);
        System.out.println("nsURI=" + project.eClass().getEPackage().getNsURI());
        System.out.println("findings=" + project.getLabelSchema().getFindings().size());
        System.out.println("roots=" + loaded.size());
        System.out.println("equal=" + EcoreUtil.equals(fixture.roots(), loaded));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, StandaloneRoundTrip.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
