package io.pizza.support.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies read strictly: a JSON value of the wrong type is refused, not converted.
 * Jackson's defaults read {@code "name": 0} as the text {@code "0"} and {@code "lat":
 * "45.4"} as a number; a client that sends either has a bug it should hear about (a
 * {@code 400}), not an order placed with a name it never meant. Times likewise: an
 * instant is ISO-8601 text, never a number of seconds since 1970.
 */
public final class StrictJson {

	private StrictJson() {
	}

	/**
	 * Refuses every scalar coercion: numbers and booleans as text, text as numbers or
	 * booleans. Applied to the JSON mapper of every service that takes request bodies
	 * ({@link RequestBodiesAutoConfiguration}).
	 * @param builder the mapper's builder
	 */
	public static void refuseCoercion(JsonMapper.Builder builder) {
		builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("strict-time").addDeserializer(Instant.class, new InstantFromText()));
	}

	/**
	 * An instant from ISO-8601 text alone.
	 */
	static final class InstantFromText extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getValueAsString();
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw context.weirdStringException(text, Instant.class, "not an ISO-8601 instant");
			}
		}

	}

}
