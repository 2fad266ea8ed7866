package io.pizza.platform.secure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each broker and client gets a folder of its own with its certificate, its key and the
 * CA's certificate, nothing of anyone else's; the CA's key stays in the CA's folder, and
 * an earlier layout with everything in one folder is removed.
 */
class TlsMaterialTests {

	@TempDir
	Path folder;

	@Test
	void everyPrincipalReadsItsOwnFolderAndNoKeyButItsOwn() throws IOException {
		TlsMaterial tls = new TlsMaterial(this.folder);
		tls.prepare(List.of("kafka-1"));

		assertThat(names(this.folder.resolve("ca"))).containsExactlyInAnyOrder("ca.crt", "ca.key");
		for (String principal : List.of("kafka-1", "billing-service", "dashboard", TlsMaterial.ADMIN)) {
			Path own = tls.folder(principal);
			assertThat(names(own)).as(principal)
				.containsExactlyInAnyOrder(principal + ".crt", principal + ".key", principal + ".pem", "ca.crt");
			assertThat(Files.readString(own.resolve("ca.crt")))
				.isEqualTo(Files.readString(this.folder.resolve("ca/ca.crt")));
			assertThat(tls.clientSettings(principal)).containsEntry("ssl.keystore.location",
					own.resolve(principal + ".pem").toString());
			if (own.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own))).isEqualTo("rwx------");
			}
		}
		try (Stream<Path> all = Files.walk(this.folder)) {
			assertThat(all.filter((file) -> file.getFileName().toString().equals("ca.key")))
				.containsExactly(this.folder.resolve("ca/ca.key"));
		}
	}

	@Test
	void theEarlierSharedFolderIsEmptiedOfItsKeys() throws IOException {
		Path oldKey = Files.writeString(this.folder.resolve("ca.key"), "an earlier CA's key");
		Path oldAdmin = Files.writeString(this.folder.resolve("admin.pem"), "an earlier admin's key");
		new TlsMaterial(this.folder).prepare(List.of("kafka-1"));
		assertThat(oldKey).doesNotExist();
		assertThat(oldAdmin).doesNotExist();
		assertThat(this.folder.resolve("admin/admin.pem")).exists();
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
