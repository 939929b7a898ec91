package org.lightbox.model.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/** Saves and loads a list of root objects as one XMI file; plain EMF, usable in and outside OSGi. */
public final class XmiFiles {

    private XmiFiles() {
    }

    /** A resource set that reads and writes XMI whatever the global registrations are. */
    public static ResourceSet newResourceSet() {
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap()
                .put(Resource.Factory.Registry.DEFAULT_EXTENSION, new XMIResourceFactoryImpl());
        return resourceSet;
    }

    public static void save(List<EObject> roots, Path file) throws IOException {
        Resource resource = newResourceSet().createResource(URI.createFileURI(file.toString()));
        resource.getContents().addAll(roots);
        resource.save(Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
    }

    /** Loads into a fresh resource set: nothing is shared with the objects that were saved. */
    public static List<EObject> load(Path file) {
        Resource resource = newResourceSet().getResource(URI.createFileURI(file.toString()), true);
        if (!resource.getErrors().isEmpty()) {
            throw new IllegalStateException(file + ": " + resource.getErrors());
        }
        return new ArrayList<>(resource.getContents());
    }
}
