package io.pizza.support.web;

import java.net.ConnectException;
import java.sql.SQLException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as the database being away, as the failures were seen with PostgreSQL
 * stopped under a running billing-service.
 */
class DatabaseOutageClassificationTests {

	@Test
	void noConnectionToBeHad() {
		assertThat(DatabaseOutage.causedIt(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException()))))
			.isTrue();
	}

	@Test
	void theServerShuttingDown() {
		assertThat(DatabaseOutage.causedIt(
				new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))))
			.isTrue();
	}

	@Test
	void aPooledConnectionFoundBrokenWhileRollingBack() {
		assertThat(DatabaseOutage
			.causedIt(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
					new SQLException("Connection is closed")))))
			.isTrue();
	}

	@Test
	void notARecordThatBreaksAConstraint() {
		assertThat(DatabaseOutage.causedIt(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseOutage.causedIt(new IllegalArgumentException("No price for pizza 'Hawaii'"))).isFalse();
	}

}
