package io.pizza.platform.secure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A certificate authority of its own, in a folder: its key and certificate, and the
 * certificates it issues, all in PEM. Keys are EC P-256, signed with SHA-256, made by
 * Bouncy Castle ({@link Certificates}); private keys are readable by their owner only
 * ({@link PrivateFiles}).
 */
public final class CertificateAuthority {

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
			X509Certificate certificate = Pem.readCertificate(certificateFile);
			return new CertificateAuthority(folder, new KeyPair(certificate.getPublicKey(), Pem.readKey(keyFile)),
					certificate);
		}
		PrivateFiles.createFolder(folder);
		KeyPair keys = Certificates.newKeys();
		X500Name subject = Certificates.subject(name);
		try {
			JcaX509v3CertificateBuilder builder = Certificates.builder(subject, subject, keys);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
			X509Certificate certificate = Certificates.sign(builder, keys.getPrivate());
			CertificateAuthority authority = new CertificateAuthority(folder, keys, certificate);
			PrivateFiles.write(keyFile, Pem.of(keys.getPrivate()), true);
			PrivateFiles.write(certificateFile, Pem.of(certificate), false);
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
		PrivateFiles.createFolder(into);
		KeyPair keys = Certificates.newKeys();
		try {
			if (!into.equals(this.folder)) {
				PrivateFiles.write(into.resolve("ca.crt"), Pem.of(this.certificate), false);
			}
			JcaX509v3CertificateBuilder builder = Certificates.builder(
					X500Name.getInstance(this.certificate.getSubjectX500Principal().getEncoded()),
					Certificates.subject(name), keys);
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
					new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(this.certificate));
			if (!hostNames.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false, Certificates.hostNames(hostNames));
			}
			X509Certificate certificate = Certificates.sign(builder, this.keys.getPrivate());
			String chain = Pem.of(certificate) + Pem.of(this.certificate);
			PrivateFiles.write(issued.key(), Pem.of(keys.getPrivate()), true);
			PrivateFiles.write(issued.certificate(), chain, false);
			PrivateFiles.write(issued.keyStore(), Pem.of(keys.getPrivate()) + chain, true);
			return issued;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not issue a certificate for " + name, ex);
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
