package io.pizza.order.rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pizza.order.orders.OrderPlaced;
import org.jspecify.annotations.Nullable;

/**
 * An order as one flat table row, in Kafka Connect's JSON envelope: the row's schema and
 * its payload in every record, as the JDBC sink needs to create the table and insert the
 * row (the talk's last demo).
 *
 * @param schema the row's columns
 * @param payload the row's values, by column
 */
public record OrderRow(Schema schema, Map<String, Object> payload) {

	private static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

	/** The columns, the same in every record. */
	static final Schema SCHEMA = new Schema("struct", "io.pizza.OrderRow", false,
			List.of(new Field("order_id", "string", false, null), new Field("shop", "string", false, null),
					new Field("customer_name", "string", false, null),
					new Field("customer_phone", "string", true, null),
					new Field("customer_address", "string", false, null), new Field("pizzas", "int32", false, null),
					new Field("pizza_names", "string", false, null), new Field("extra_toppings", "int32", false, null),
					new Field("placed_at", "int64", false, TIMESTAMP)));

	static OrderRow of(OrderPlaced order) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("order_id", order.orderId().toString());
		payload.put("shop", order.shop());
		payload.put("customer_name", order.customer().name());
		payload.put("customer_phone", order.customer().phone());
		payload.put("customer_address", order.customer().address());
		payload.put("pizzas", order.pizzas().size());
		payload.put("pizza_names",
				order.pizzas().stream().map(OrderPlaced.Pizza::name).collect(Collectors.joining(", ")));
		payload.put("extra_toppings", order.pizzas().stream().mapToInt((pizza) -> pizza.toppings().size()).sum());
		payload.put("placed_at", order.placedAt().toEpochMilli());
		return new OrderRow(SCHEMA, payload);
	}

	/**
	 * A Connect schema of type {@code struct}.
	 *
	 * @param type always {@code struct}
	 * @param name the schema's name
	 * @param optional whether the value may be null
	 * @param fields its columns
	 */
	public record Schema(String type, String name, boolean optional, List<Field> fields) {
	}

	/**
	 * A column.
	 *
	 * @param field its name
	 * @param type its Connect type
	 * @param optional whether it may be null
	 * @param name its logical type, if any (a timestamp is an {@code int64} of epoch
	 * milliseconds named {@code org.apache.kafka.connect.data.Timestamp})
	 */
	public record Field(String field, String type, boolean optional,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String name) {
	}

}
