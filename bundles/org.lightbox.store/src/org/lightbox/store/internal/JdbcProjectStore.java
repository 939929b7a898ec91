package org.lightbox.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.lightbox.model.Project;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreException;
import org.lightbox.store.StoreException.Reason;
import org.lightbox.store.StoreLocation;

/**
 * What both backends share: create and open go through the same migration and loading steps; a
 * backend only says how to connect and which {@link SqlDialect} it speaks.
 */
public abstract class JdbcProjectStore implements ProjectStore {

    /** The dialect of the connections {@link #connect} returns. */
    protected abstract SqlDialect dialect();

    /**
     * A connection to the location, configured for Lightbox and in auto-commit mode.
     *
     * @param create whether the location may be created (a file, a schema); if not and nothing is
     *               there, a NOT_FOUND StoreException
     */
    protected abstract Connection connect(StoreLocation location, boolean create) throws SQLException;

    @Override
    public ProjectSession create(StoreLocation location, Project project) {
        return create(location, project, Migrations.standard());
    }

    @Override
    public ProjectSession open(StoreLocation location) {
        return open(location, Migrations.standard());
    }

    /** {@link #create(StoreLocation, Project)} with other migrations (to test upgrades). */
    public JdbcProjectSession create(StoreLocation location, Project project, Migrations migrations) {
        if (project == null || project.getName() == null || project.getName().isBlank()) {
            throw new IllegalArgumentException("A project needs a name");
        }
        JdbcProjectSession session = connectSession(location, true);
        try {
            session.migrate(migrations);
            session.createProject(project);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** {@link #open(StoreLocation)} with other migrations (to test upgrades). */
    public JdbcProjectSession open(StoreLocation location, Migrations migrations) {
        JdbcProjectSession session = connectSession(location, false);
        try {
            session.requireStore();
            session.migrate(migrations);
            session.loadProject();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private JdbcProjectSession connectSession(StoreLocation location, boolean create) {
        if (location == null || !kind().equals(location.storeKind())) {
            throw new IllegalArgumentException("The " + kind() + " store cannot open " + location
                    + "; use the store with store.kind=" + (location == null ? "?" : location.storeKind()));
        }
        try {
            return new JdbcProjectSession(connect(location, create), dialect(), location);
        } catch (SQLException e) {
            throw new StoreException(Reason.FAILURE, "Could not connect to " + location + ": " + e.getMessage(), e);
        }
    }
}
