package io.pizza.billing.bill;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bills a rebuild makes, in a table of their own beside the bills in use
 * ({@code bills_rebuilt}), and the swap: in one transaction, with new bills held back
 * meanwhile, every bill rebuilt replaces its old one (the old one kept in
 * {@code bills_before_rebuild} when they differ), every bill not rebuilt stays as it was,
 * and each shop's totals are counted again.
 */
@Component
class RebuiltBills {

	private static final BillLinesColumn LINES = new BillLinesColumn();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	RebuiltBills(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Makes the rebuild's table anew, empty, shaped as the bills. */
	void prepare() {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.execute("DROP TABLE IF EXISTS bills_rebuilt");
			this.jdbc.execute("CREATE TABLE bills_rebuilt (LIKE bills INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
			this.jdbc.execute("ALTER TABLE bills_rebuilt ADD PRIMARY KEY (order_id)");
		});
	}

	/**
	 * Adds bills to the rebuild's table; an order met twice keeps its first bill.
	 */
	void add(List<Bill> bills) {
		this.jdbc.batchUpdate("""
				INSERT INTO bills_rebuilt (order_id, shop, lines, total, currency, placed_at, billed_at,
				                           kafka_partition, kafka_offset)
				VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""", bills, 500,
				(statement, bill) -> {
					statement.setObject(1, bill.getId());
					statement.setString(2, bill.getShop());
					statement.setString(3, LINES.convertToDatabaseColumn(bill.getLines()));
					statement.setBigDecimal(4, bill.getTotal());
					statement.setString(5, bill.getCurrency());
					statement.setTimestamp(6, Timestamp.from(bill.getPlacedAt()));
					statement.setTimestamp(7, Timestamp.from(bill.getBilledAt()));
					statement.setInt(8, bill.getKafkaPartition());
					statement.setLong(9, bill.getKafkaOffset());
				});
	}

	/**
	 * Puts the rebuilt bills in place of the old ones.
	 * @param starts where each partition of the orders topic started when the rebuild
	 * read it
	 * @param ends where it ended: the rebuild read up to there
	 * @return how many bills changed, and those kept as they were, by why
	 */
	Swapped swap(Map<Integer, Long> starts, Map<Integer, Long> ends) {
		return this.transaction.execute((status) -> {
			// the listener's inserts wait; reading goes on
			this.jdbc.execute("LOCK TABLE bills IN SHARE ROW EXCLUSIVE MODE");
			this.jdbc.execute("DROP TABLE IF EXISTS bills_before_rebuild");
			this.jdbc.execute("""
					CREATE TABLE bills_before_rebuild AS
					SELECT b.* FROM bills b JOIN bills_rebuilt r USING (order_id)
					WHERE b.total <> r.total OR b.lines <> r.lines OR b.shop <> r.shop""");
			long changed = count("SELECT count(*) FROM bills_before_rebuild");
			long goneFromTopic = 0;
			long billedMeanwhile = 0;
			long notBillable = 0;
			for (Map<String, Object> kept : this.jdbc.queryForList("""
					SELECT kafka_partition, kafka_offset FROM bills b
					WHERE NOT EXISTS (SELECT 1 FROM bills_rebuilt r WHERE r.order_id = b.order_id)""")) {
				int partition = ((Number) kept.get("kafka_partition")).intValue();
				long offset = ((Number) kept.get("kafka_offset")).longValue();
				if (offset < starts.getOrDefault(partition, 0L)) {
					goneFromTopic++;
				}
				else if (offset >= ends.getOrDefault(partition, 0L)) {
					billedMeanwhile++;
				}
				else {
					notBillable++;
				}
			}
			this.jdbc.execute("DELETE FROM bills b USING bills_rebuilt r WHERE b.order_id = r.order_id");
			this.jdbc.execute("INSERT INTO bills SELECT * FROM bills_rebuilt");
			this.jdbc.execute("DROP TABLE bills_rebuilt");
			this.jdbc.execute("DELETE FROM shop_totals");
			this.jdbc.execute("""
					INSERT INTO shop_totals (shop, bills, revenue)
					SELECT shop, count(*), sum(total) FROM bills GROUP BY shop""");
			return new Swapped(changed, new RebuildProgress.Kept(goneFromTopic, billedMeanwhile, notBillable));
		});
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * What a swap did.
	 *
	 * @param changed rebuilt bills that differ from the ones they replaced
	 * @param kept bills kept as they were
	 */
	record Swapped(long changed, RebuildProgress.Kept kept) {
	}

}
