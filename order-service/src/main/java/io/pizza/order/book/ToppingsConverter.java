package io.pizza.order.book;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps a pizza's toppings in one column. Topping names come from the menu, which has no
 * commas.
 */
@Converter
class ToppingsConverter implements AttributeConverter<List<String>, String> {

	private static final String SEPARATOR = ",";

	@Override
	public String convertToDatabaseColumn(List<String> toppings) {
		return String.join(SEPARATOR, toppings);
	}

	@Override
	public List<String> convertToEntityAttribute(String column) {
		return (column == null || column.isEmpty()) ? List.of() : Arrays.asList(column.split(SEPARATOR));
	}

}
