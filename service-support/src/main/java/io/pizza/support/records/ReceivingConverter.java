package io.pizza.support.records;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

import io.pizza.support.kafka.Failures;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.ResolvableType;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.RecordMessageConverter;

/**
 * A batch listener's converter that hands each record over as {@link Received} when the
 * listener takes {@code List<Received<T>>}: the value converted to {@code T} by the
 * record converter, or the reason it could not be, with the record it came in. Spring
 * Kafka's own converter gives the same as three lists of one length (values, raw records,
 * failures) and logs each failure with its stack; here it is one list, and the listener
 * writes the one line.
 */
public class ReceivingConverter extends BatchMessagingMessageConverter {

	private final RecordMessageConverter values;

	/**
	 * A converter reading values with the given record converter.
	 * @param values converts one record's value to the type asked for
	 */
	public ReceivingConverter(RecordMessageConverter values) {
		super(values);
		this.values = values;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Object convert(ConsumerRecord<?, ?> record, Type type, List<ConversionException> conversionFailures) {
		Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
		if (!(element instanceof ParameterizedType received) || received.getRawType() != Received.class) {
			return super.convert(record, type, conversionFailures);
		}
		if (record.value() != null && !(record.value() instanceof byte[])) {
			throw new ConversionException("A Received value is read from bytes: use the ByteArrayDeserializer", record,
					null);
		}
		Received<Object> one = receive((ConsumerRecord<String, byte[]>) record, received.getActualTypeArguments()[0]);
		conversionFailures.add((ConversionException) one.failure());
		return one;
	}

	/**
	 * One record as a record listener of a share group takes it, read the same way.
	 * @param <T> the type to read
	 * @param record the record, its value as bytes
	 * @param type the type to read its value as
	 * @return the record with its value, or why it has none
	 */
	@SuppressWarnings("unchecked")
	public <T> Received<T> receive(ConsumerRecord<String, byte[]> record, Type type) {
		try {
			Object value = (record.value() != null) ? this.values.toMessage(record, null, null, type).getPayload()
					: KafkaNull.INSTANCE;
			if (value == KafkaNull.INSTANCE) {
				throw new ConversionException("No value: the record is empty", record, null);
			}
			return new Received<>(record, (T) value, null);
		}
		catch (ConversionException ex) {
			// the reason a dead letter carries in its headers: what it is not, and why
			return new Received<>(record, null,
					new ConversionException(
							"Not readable as " + ResolvableType.forType(type).resolve(Object.class).getSimpleName()
									+ ": " + Failures.describe(ex),
							record, ex));
		}
	}

}
