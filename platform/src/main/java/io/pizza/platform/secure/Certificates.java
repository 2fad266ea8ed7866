package io.pizza.platform.secure;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The parts of every certificate the authority makes: EC P-256 keys, a subject under
 * {@code O=Pizza Kafka,OU=pizza}, a random serial, 825 days of validity from an hour ago,
 * a SHA-256 signature.
 */
final class Certificates {

	private static final Duration VALIDITY = Duration.ofDays(825);

	private Certificates() {
	}

	static KeyPair newKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A subject that reads {@code CN=name,OU=pizza,O=Pizza Kafka} as Kafka prints it: the
	 * common name is the last name in the encoding, the first in RFC 2253.
	 */
	static X500Name subject(String name) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Pizza Kafka")
			.addRDN(BCStyle.OU, "pizza")
			.addRDN(BCStyle.CN, name)
			.build();
	}

	static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(128, new SecureRandom()),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
	}

	// an IP address as such, any other name as a DNS name
	static GeneralNames hostNames(List<String> hosts) {
		return new GeneralNames(hosts.stream()
			.map((host) -> host.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, host)
					: new GeneralName(GeneralName.dNSName, host))
			.toArray(GeneralName[]::new));
	}

	static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey issuerKey)
			throws GeneralSecurityException {
		try {
			X509CertificateHolder holder = builder
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey));
			return new JcaX509CertificateConverter().getCertificate(holder);
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

}
