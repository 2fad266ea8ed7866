package io.pizza.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurationConverterTests {

	private final DurationConverter converter = new DurationConverter();

	@Test
	void aNumberAndAUnitAsPeopleWriteThem() {
		assertThat(this.converter.convert("200ms")).isEqualTo(Duration.ofMillis(200));
		assertThat(this.converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.converter.convert("8m")).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.converter.convert("1H")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void anythingElseIsRefusedWithAnExample() {
		for (String bad : new String[] { "30", "s", "1.5s", "PT30S", "-1s", "30 sec" }) {
			assertThatExceptionOfType(TypeConversionException.class).as(bad)
				.isThrownBy(() -> this.converter.convert(bad))
				.withMessageContaining("such as 30s");
		}
	}

}
