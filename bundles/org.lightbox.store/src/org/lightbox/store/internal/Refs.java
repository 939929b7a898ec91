package org.lightbox.store.internal;

import java.sql.SQLException;

import org.lightbox.model.Finding;
import org.lightbox.model.Reader;

/**
 * Translates between the project's findings and readers and their surrogate keys. Implemented by the
 * session's {@link ProjectCache}, which reloads the project once when a key is missing (another client of a
 * shared server may have added it) before it gives up with NOT_FOUND.
 */
interface Refs {

    long findingRef(Finding finding) throws SQLException;

    long readerRef(Reader reader) throws SQLException;

    Finding finding(long ref) throws SQLException;

    Reader reader(long ref) throws SQLException;
}
