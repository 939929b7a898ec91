package org.lightbox.store;

/**
 * Work run by {@link ProjectSession#inTransaction}: everything it does through the session is
 * committed together when it returns, or rolled back when it throws.
 *
 * @param <T> what the work returns ({@code Void} and {@code null} for nothing)
 */
@FunctionalInterface
public interface StoreWork<T> {

    T run(ProjectSession session) throws Exception;
}
