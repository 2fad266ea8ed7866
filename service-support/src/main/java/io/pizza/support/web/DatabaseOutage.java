package io.pizza.support.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being away (not started, stopped, unreachable)
 * from one caused by the record itself: the first is worth retrying until the database is
 * back, the second never is; and answers an HTTP request the first failed.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	/**
	 * Whether the database being away caused a failure.
	 * @param ex the failure
	 * @return whether anything in its causes says the connection failed
	 */
	public static boolean causedIt(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql
					&& (isConnectionState(sql.getSQLState()) || isClosedPoolConnection(sql))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The answer to a request the database's absence failed: a 503 problem detail that
	 * says to try again in a few seconds.
	 * @param detail what could not be done, for the client
	 * @return the answer
	 */
	public static ResponseEntity<Object> answer(String detail) {
		return Unavailable.answer("Database unavailable", detail);
	}

	// HikariCP says a connection it found broken is closed, with no SQLState: seen when a
	// transaction using it could not even be rolled back
	private static boolean isClosedPoolConnection(SQLException ex) {
		return ex.getSQLState() == null && "Connection is closed".equals(ex.getMessage());
	}

	// class 08: connection exception; 57P01-57P03: the server shut down or is starting
	private static boolean isConnectionState(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

}
