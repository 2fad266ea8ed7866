package io.pizza.support.records;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.converter.BatchMessageConverter;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;

/**
 * One way to read records in every service: consumers hand over bytes
 * ({@code ByteArrayDeserializer}), and Spring Boot's listener container factory converts
 * them from JSON to whatever type each listener takes, with no class names in the
 * configuration and no type headers. A batch listener taking {@code List<Received<T>>}
 * gets each record with its value or why it has none ({@link ReceivingConverter}). The
 * JSON reader ignores properties it does not know: a producer may add one.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
public class RecordConversionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecordMessageConverter jsonRecords() {
		return new ByteArrayJacksonJsonMessageConverter();
	}

	@Bean
	@ConditionalOnMissingBean(BatchMessageConverter.class)
	ReceivingConverter receivedBatches(RecordMessageConverter jsonRecords) {
		return new ReceivingConverter(jsonRecords);
	}

}
