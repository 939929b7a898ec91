package org.lightbox.store;

import org.lightbox.model.Project;

/**
 * Creates and opens Lightbox projects. One DS service per backend, told apart by the service
 * property {@value #KIND_PROPERTY} ({@value #KIND_SQLITE} or {@value #KIND_POSTGRESQL}); pick one
 * with the filter {@code (store.kind=sqlite)} or by {@link StoreLocation#storeKind()}.
 * <p>
 * Opening applies pending schema migrations to stores written by an older Lightbox and refuses
 * stores written by a newer one ({@link StoreException.Reason#INCOMPATIBLE_VERSION}).
 */
public interface ProjectStore {

    String KIND_PROPERTY = "store.kind";
    String KIND_SQLITE = "sqlite";
    String KIND_POSTGRESQL = "postgresql";

    /** This store's {@value #KIND_PROPERTY}. */
    String kind();

    /**
     * Creates a project (its metadata, label schema and readers) at an empty location and returns
     * an open session on it.
     *
     * @throws StoreException {@link StoreException.Reason#ALREADY_EXISTS} if the location holds a
     *                        project already
     */
    ProjectSession create(StoreLocation location, Project project);

    /**
     * Opens the project at a location.
     *
     * @throws StoreException {@link StoreException.Reason#NOT_FOUND} if there is no project there
     */
    ProjectSession open(StoreLocation location);
}
