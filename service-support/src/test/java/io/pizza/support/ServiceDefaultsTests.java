package io.pizza.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own settings win over the defaults, which fill in the rest; the secure
 * profile's defaults count only in that profile; the secrets come from their folder.
 */
class ServiceDefaultsTests {

	@TempDir
	Path secrets;

	@Test
	void fillInWhatTheServiceDoesNotSay() {
		StandardEnvironment environment = service(
				Map.of("spring.kafka.consumer.auto-offset-reset", "latest", "spring.kafka.listener.ack-mode", "batch"));

		assertThat(environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("batch");
		assertThat(environment.getProperty("spring.kafka.consumer.isolation-level")).isEqualTo("read-committed");
		assertThat(environment.getProperty("spring.kafka.consumer.properties.group.protocol")).isEqualTo("consumer");
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(environment.getProperty("spring.kafka.security.protocol")).isNull();
	}

	@Test
	void takeTheSecureProfilesOnlyInIt() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.yml",
					Map.of("spring.application.name", "billing-service", "PIZZA_TLS_DIR", "/tls")));
		environment.setActiveProfiles("secure");
		new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SSL");
		assertThat(environment.getProperty("spring.ssl.bundle.pem.kafka.keystore.certificate"))
			.isEqualTo("file:/tls/billing-service.crt");
	}

	@Test
	void readTheSecretsFromTheirFolder() throws IOException {
		Files.writeString(this.secrets.resolve("postgres.password"), "s3cret\n");
		StandardEnvironment environment = service(
				Map.of(ServiceDefaults.SECRETS, this.secrets.toString(), "spring.application.name", "billing-service"));

		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cret");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("billing-service");
	}

	private static StandardEnvironment service(Map<String, Object> own) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("application.yml", own));
		new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
