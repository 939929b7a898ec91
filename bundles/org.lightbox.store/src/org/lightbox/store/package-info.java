/**
 * Persistence of Lightbox projects: the {@link org.lightbox.store.ProjectStore} service opens a
 * {@link org.lightbox.store.ProjectSession} on a project held in SQLite (one file per project) or
 * PostgreSQL (one schema per project on a shared panel server). The domain types are the EMF
 * objects of {@code org.lightbox.model}; no JDBC type crosses this API.
 */
package org.lightbox.store;
