package io.pizza.delivery.destination;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where an order's own record is on the orders topic. The kitchen's status records say it
 * in two headers, in decimal: an order baked long after it was placed, whose destination
 * an instance no longer keeps, is read back from there alone.
 *
 * @param partition the partition of the orders topic
 * @param offset the record's offset on it
 */
public record RecordPosition(int partition, long offset) {

	static final String PARTITION_HEADER = "order-partition";

	static final String OFFSET_HEADER = "order-offset";

	/**
	 * Where a status record says its order is.
	 * @param headers the status record's headers
	 * @return where, unless the record does not say (written before the kitchen said it)
	 */
	public static Optional<RecordPosition> of(Headers headers) {
		Header partition = headers.lastHeader(PARTITION_HEADER);
		Header offset = headers.lastHeader(OFFSET_HEADER);
		if (partition == null || offset == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new RecordPosition(Integer.parseInt(text(partition)), Long.parseLong(text(offset))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String text(Header header) {
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return this.partition + "@" + this.offset;
	}

}
