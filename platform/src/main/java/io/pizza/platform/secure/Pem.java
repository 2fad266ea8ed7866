package io.pizza.platform.secure;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys in PEM, as Kafka, PostgreSQL and the services read them:
 * a private key as PKCS #8, unencrypted (its file is its owner's alone).
 */
final class Pem {

	private Pem() {
	}

	static String of(Object certificateOrKey) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(
					(certificateOrKey instanceof PrivateKey key) ? new JcaPKCS8Generator(key, null) : certificateOrKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	static X509Certificate readCertificate(Path file) {
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

	static PrivateKey readKey(Path file) {
		try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
			return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
