package io.pizza.billing.bill;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bill's lines as the JSON array its {@code lines} column holds.
 */
@Converter
class BillLinesColumn implements AttributeConverter<List<BillLine>, String> {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<List<BillLine>> LINES = new TypeReference<>() {
	};

	@Override
	public String convertToDatabaseColumn(List<BillLine> lines) {
		return json.writeValueAsString(lines);
	}

	@Override
	public List<BillLine> convertToEntityAttribute(String column) {
		return List.copyOf(json.readValue(column, LINES));
	}

}
