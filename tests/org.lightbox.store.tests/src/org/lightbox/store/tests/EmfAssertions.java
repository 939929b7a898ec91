package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Field-by-field comparison of EMF objects, so that a failure names the field (e.g.
 * {@code ImageRecord.qualityFlags[0].score}); then {@link EcoreUtil#equals} as the final word.
 */
final class EmfAssertions {

    private EmfAssertions() {
    }

    static void assertSameContent(EObject expected, EObject actual) {
        compare(expected == null ? "null" : expected.eClass().getName(), expected, actual);
        assertTrue(EcoreUtil.equals(expected, actual), "EcoreUtil.equals");
    }

    static void assertSameContent(List<? extends EObject> expected, List<? extends EObject> actual) {
        assertEquals(expected.size(), actual.size(), "number of objects");
        for (int i = 0; i < expected.size(); i++) {
            compare("[" + i + "]", expected.get(i), actual.get(i));
        }
        assertTrue(EcoreUtil.equals(expected, actual), "EcoreUtil.equals");
    }

    private static void compare(String path, EObject expected, EObject actual) {
        if (expected == null || actual == null) {
            assertEquals(expected == null, actual == null, path + " is null");
            return;
        }
        assertEquals(expected.eClass(), actual.eClass(), path + " class");
        for (EStructuralFeature feature : expected.eClass().getEAllStructuralFeatures()) {
            String where = path + "." + feature.getName();
            Object e = expected.eGet(feature);
            Object a = actual.eGet(feature);
            if (feature instanceof EAttribute) {
                assertEquals(e, a, where);
            } else if (feature.isMany()) {
                List<?> es = (List<?>) e;
                List<?> as = (List<?>) a;
                assertEquals(es.size(), as.size(), where + " size");
                for (int i = 0; i < es.size(); i++) {
                    follow(where + "[" + i + "]", (EReference) feature, (EObject) es.get(i), (EObject) as.get(i));
                }
            } else {
                follow(where, (EReference) feature, (EObject) e, (EObject) a);
            }
        }
    }

    /** Contained objects are compared in full; referenced ones by their id where they have one. */
    private static void follow(String path, EReference reference, EObject expected, EObject actual) {
        EAttribute id = reference.getEReferenceType().getEIDAttribute();
        if (reference.isContainment() || id == null || expected == null || actual == null) {
            compare(path, expected, actual);
        } else {
            assertEquals(expected.eGet(id), actual.eGet(id), path + "." + id.getName());
        }
    }
}
