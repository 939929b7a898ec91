package org.lightbox.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.Enumerator;

/**
 * The little JDBC the store needs: parameters bound by type (dates as epoch milliseconds, EMF
 * enums as their integer value, null as SQL NULL), rows mapped by lambdas, batches flushed in
 * chunks. Methods throw {@link SQLException}; the session turns it into a StoreException that
 * names the operation.
 */
final class Jdbc {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Consumes the current row of a result set. */
    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    private static final int BATCH_SIZE = 500;

    private final Connection connection;

    Jdbc(Connection connection) {
        this.connection = connection;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    void forEach(String sql, RowAction action, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(rs);
                }
            }
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) throws SQLException {
        List<T> result = new ArrayList<>();
        forEach(sql, rs -> result.add(row.map(rs)), params);
        return result;
    }

    /** The first row, if any; also runs {@code INSERT … RETURNING}. */
    <T> Optional<T> first(String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** The first column of the first row as a long, 0 when there is no row or it is NULL. */
    long count(String sql, Object... params) throws SQLException {
        return first(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    Batch batch(String sql) throws SQLException {
        return new Batch(connection.prepareStatement(sql));
    }

    /** A prepared statement executed in batches; call {@link #flush()} before closing. */
    static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        private Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add(Object... params) throws SQLException {
            bind(statement, params);
            statement.addBatch();
            if (++pending == BATCH_SIZE) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int index = i + 1;
            switch (params[i]) {
                case null -> ps.setNull(index, Types.NULL);
                case Date date -> ps.setLong(index, date.getTime());
                case Enumerator literal -> ps.setInt(index, literal.getValue());
                case Integer value -> ps.setInt(index, value);
                case Long value -> ps.setLong(index, value);
                case Double value -> ps.setDouble(index, value);
                case String value -> ps.setString(index, value);
                default -> throw new IllegalArgumentException("Cannot bind a " + params[i].getClass().getName());
            }
        }
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Date date(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : new Date(millis);
    }
}
