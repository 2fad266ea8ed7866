package io.pizza.platform.secure;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of its own, in a folder: its key and certificate, and the
 * certificates it issues, all in PEM. Keys are EC P-256, signed with SHA-256, made by
 * Bouncy Castle; private keys are readable by their owner only.
 */
public final class CertificateAuthority {

	private static final Duration VALIDITY = Duration.ofDays(825);

	private final Path folder;

	private final KeyPair keys;

	private final X509Certificate certificate;

	private CertificateAuthority(Path folder, KeyPair keys, X509Certificate certificate) {
		this.folder = folder;
		this.keys = keys;
		this.certificate = certificate;
	}

	/**
	 * The authority in {@code folder}, made there if it has none yet.
	 * @param folder where its files are
	 * @param name the authority's common name
	 * @return the authority
	 */
	public static CertificateAuthority in(Path folder, String name) {
		Path certificateFile = folder.resolve("ca.crt");
		Path keyFile = folder.resolve("ca.key");
		if (Files.exists(certificateFile) && Files.exists(keyFile)) {
			X509Certificate certificate = readCertificate(certificateFile);
			return new CertificateAuthority(folder, new KeyPair(certificate.getPublicKey(), readKey(keyFile)),
					certificate);
		}
		createPrivateFolder(folder);
		KeyPair keys = newKeys();
		X500Name subject = subject(name);
		try {
			JcaX509v3CertificateBuilder builder = builder(subject, subject, keys);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
			X509Certificate certificate = sign(builder, keys.getPrivate());
			CertificateAuthority authority = new CertificateAuthority(folder, keys, certificate);
			writeKey(keyFile, keys.getPrivate());
			writeText(certificateFile, pem(certificate), false);
			return authority;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not make the certificate authority in " + folder, ex);
		}
	}

	/**
	 * The authority's certificate, which whoever trusts it trusts.
	 * @return {@code ca.crt} in its folder
	 */
	public Path certificateFile() {
		return this.folder.resolve("ca.crt");
	}

	/**
	 * Issues a certificate, unless the folder has one of that name already, as the talk's
	 * three files: {@code <name>.crt} (the certificate, then the authority's),
	 * {@code <name>.key} (its private key, PKCS #8), and {@code <name>.pem} (both in one
	 * file, as Kafka's own PEM key store reads them).
	 * @param name the common name, which Kafka takes as the principal's name
	 * @param hostNames for a server, the names clients reach it by; empty for a client
	 * @return the certificate's files
	 */
	public Issued issue(String name, List<String> hostNames) {
		return issue(name, hostNames, this.folder);
	}

	/**
	 * Issues a certificate into a folder of its holder's own, with a copy of the
	 * authority's certificate ({@code ca.crt}), unless that folder has it already: what
	 * its holder needs, and nothing of anyone else's.
	 * @param name the common name, which Kafka takes as the principal's name
	 * @param hostNames for a server, the names clients reach it by; empty for a client
	 * @param into the holder's folder, made readable by its owner alone
	 * @return the certificate's files
	 */
	public Issued issue(String name, List<String> hostNames, Path into) {
		Issued issued = new Issued(into.resolve(name + ".crt"), into.resolve(name + ".key"),
				into.resolve(name + ".pem"));
		if (Files.exists(issued.certificate()) && Files.exists(issued.key()) && Files.exists(issued.keyStore())) {
			return issued;
		}
		createPrivateFolder(into);
		KeyPair keys = newKeys();
		try {
			if (!into.equals(this.folder)) {
				writeText(into.resolve("ca.crt"), pem(this.certificate), false);
			}
			JcaX509v3CertificateBuilder builder = builder(
					X500Name.getInstance(this.certificate.getSubjectX500Principal().getEncoded()), subject(name), keys);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
					new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(this.certificate));
			if (!hostNames.isEmpty()) {
				List<GeneralName> names = new ArrayList<>();
				for (String host : hostNames) {
					names.add(host.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, host)
							: new GeneralName(GeneralName.dNSName, host));
				}
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(names.toArray(GeneralName[]::new)));
			}
			X509Certificate certificate = sign(builder, this.keys.getPrivate());
			String chain = pem(certificate) + pem(this.certificate);
			writeKey(issued.key(), keys.getPrivate());
			writeText(issued.certificate(), chain, false);
			writeText(issued.keyStore(), pem(keys.getPrivate()) + chain, true);
			return issued;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not issue a certificate for " + name, ex);
		}
	}

	/**
	 * A subject that reads {@code CN=name,OU=pizza,O=Pizza Kafka} as Kafka prints it: the
	 * common name is the last name in the encoding, the first in RFC 2253.
	 */
	private static X500Name subject(String name) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Pizza Kafka")
			.addRDN(BCStyle.OU, "pizza")
			.addRDN(BCStyle.CN, name)
			.build();
	}

	private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, new BigInteger(128, new SecureRandom()),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
	}

	private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey issuerKey)
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

	private static KeyPair newKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(Object object) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject((object instanceof PrivateKey key) ? new JcaPKCS8Generator(key, null) : object);
		}
		return text.toString();
	}

	/**
	 * Writes a file only its owner may read.
	 * @param file where
	 * @param text what
	 */
	static void writeSecret(Path file, String text) {
		try {
			createPrivateFolder(file.getParent());
			writeText(file, text, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeKey(Path file, PrivateKey key) throws IOException {
		writeText(file, pem(key), true);
	}

	private static void writeText(Path file, String text, boolean secret) throws IOException {
		Files.createDirectories(file.getParent());
		Files.deleteIfExists(file);
		Files.createFile(file);
		if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		try (Writer writer = Files.newBufferedWriter(file)) {
			writer.write(text);
		}
	}

	static void createPrivateFolder(Path folder) {
		try {
			Files.createDirectories(folder);
			if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static X509Certificate readCertificate(Path file) {
		try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
			return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not a certificate: " + file, ex);
		}
	}

	private static PrivateKey readKey(Path file) {
		try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
			return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The files of one certificate.
	 *
	 * @param certificate the certificate, then the authority's, in PEM
	 * @param key its private key, PKCS #8 PEM
	 * @param keyStore the key and the certificates in one PEM file
	 */
	public record Issued(Path certificate, Path key, Path keyStore) {
	}

}
