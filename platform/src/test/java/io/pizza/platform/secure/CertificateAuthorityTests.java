package io.pizza.platform.secure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The secure mode's own CA: certificates as Kafka and Spring Boot read them.
 */
class CertificateAuthorityTests {

	@TempDir
	Path folder;

	@Test
	void issuesCertificatesItsOwnCertificateVerifies() throws Exception {
		CertificateAuthority authority = CertificateAuthority.in(this.folder, "Test CA");
		CertificateAuthority.Issued issued = authority.issue("kafka-1", List.of("localhost", "kafka-1", "127.0.0.1"));
		List<X509Certificate> chain = read(issued.certificate());
		X509Certificate ca = read(authority.certificateFile()).get(0);
		assertThat(chain).hasSize(2);
		assertThat(chain.get(1)).isEqualTo(ca);
		chain.get(0).verify(ca.getPublicKey());
		// Kafka's principal is the subject in RFC 2253, which the platform's mapping rule
		// reads the common name from
		assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=kafka-1,OU=pizza,O=Pizza Kafka");
		assertThat("CN=kafka-1,OU=pizza,O=Pizza Kafka").matches("^CN=([^,]+),.*$");
		assertThat(chain.get(0).getSubjectAlternativeNames()).extracting((name) -> (Object) name.get(1))
			.containsExactly("localhost", "kafka-1", "127.0.0.1");
		assertThat(chain.get(0).getBasicConstraints()).isEqualTo(-1);
		assertThat(ca.getBasicConstraints()).isZero();
		assertThat(Files.readString(issued.key())).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.readString(issued.keyStore())).startsWith("-----BEGIN PRIVATE KEY-----")
			.contains("-----BEGIN CERTIFICATE-----");
	}

	@Test
	void keepsPrivateKeysToTheirOwner() throws IOException {
		CertificateAuthority.Issued issued = CertificateAuthority.in(this.folder, "Test CA")
			.issue("billing-service", List.of());
		for (Path secret : List.of(this.folder.resolve("ca.key"), issued.key(), issued.keyStore())) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
				.isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.folder))).isEqualTo("rwx------");
	}

	@Test
	void reusesWhatTheFolderHolds() throws IOException {
		CertificateAuthority first = CertificateAuthority.in(this.folder, "Test CA");
		String issued = Files.readString(first.issue("order-service", List.of()).certificate());
		CertificateAuthority again = CertificateAuthority.in(this.folder, "Test CA");
		assertThat(Files.readString(again.certificateFile())).isEqualTo(Files.readString(first.certificateFile()));
		assertThat(Files.readString(again.issue("order-service", List.of()).certificate())).isEqualTo(issued);
		again.issue("dashboard", List.of());
		assertThat(this.folder.resolve("dashboard.crt")).exists();
	}

	@Test
	void anotherAuthorityDoesNotVouchForTheseCertificates(@TempDir Path elsewhere) throws Exception {
		CertificateAuthority.Issued issued = CertificateAuthority.in(this.folder, "Test CA")
			.issue("order-service", List.of());
		X509Certificate other = read(CertificateAuthority.in(elsewhere, "Test CA").certificateFile()).get(0);
		X509Certificate certificate = read(issued.certificate()).get(0);
		assertThatExceptionOfType(SignatureException.class).isThrownBy(() -> certificate.verify(other.getPublicKey()));
	}

	private static List<X509Certificate> read(Path file) throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(file)) {
			return CertificateFactory.getInstance("X.509")
				.generateCertificates(in)
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
		}
	}

}
