package io.pizza.platform.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.pizza.platform.settings.PlatformSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance maps an archive its module's current build wrote whole; without one it
 * starts from the extracted jar and writes its own when it stops; one cut short is
 * removed, not mapped.
 */
class ClassDataSharingTests {

	// a dynamic archive's first bytes, its magic number, as HotSpot writes them
	private static final byte[] WHOLE = { (byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0, 0x25, 0x20 };

	@TempDir
	Path root;

	private ClassDataSharing cds;

	private Path jar;

	private Path dir;

	@BeforeEach
	void anExtractedBuild() throws Exception {
		PlatformSettings settings = PlatformSettings.load(this.root, new Properties());
		ExtractedJars jars = new ExtractedJars(settings);
		this.cds = new ClassDataSharing(jars);
		this.jar = Files.writeString(this.root.resolve("billing-service.jar"), "a build");
		this.dir = Files.createDirectories(jars.build("billing-service", this.jar));
		Files.createDirectories(settings.logsDir());
		Files.writeString(this.dir.resolve("jar.stamp"), ExtractedJars.fingerprint(this.jar));
	}

	@Test
	void withoutAnArchiveAnInstanceWritesItsOwnWhenItStops() {
		assertThat(this.cds.launch("billing-service", "billing-service", this.jar, List.of())).containsExactly(
				"-XX:ArchiveClassesAtExit=" + this.dir.resolve("billing-service.jsa"), "-Xlog:cds*=off", "-jar",
				this.dir.resolve("billing-service.jar").toString());
	}

	@Test
	void anArchiveWrittenWholeIsMapped() throws Exception {
		Files.write(this.dir.resolve("billing-service.jsa"), WHOLE);
		assertThat(this.cds.launch("billing-service", "billing-service", this.jar, List.of())).containsExactly(
				"-XX:SharedArchiveFile=" + this.dir.resolve("billing-service.jsa"), "-jar",
				this.dir.resolve("billing-service.jar").toString());
	}

	@Test
	void anArchiveCutShortIsRemovedAndAnotherOneMapped() throws Exception {
		// killed while it wrote: its header, written last, is still zeros
		Files.write(this.dir.resolve("a-maker.jsa"), new byte[64]);
		Files.write(this.dir.resolve("b-maker.jsa"), WHOLE);
		List<String> launch = this.cds.launch("billing-service", "billing-service", this.jar, List.of());
		assertThat(launch).contains("-XX:SharedArchiveFile=" + this.dir.resolve("b-maker.jsa"));
		assertThat(this.dir.resolve("a-maker.jsa")).doesNotExist();
	}

	@Test
	void anInstanceWithoutClassDataSharingNeitherMapsNorWritesAnArchive() throws Exception {
		// as to profile it with Flight Recorder: a JVM that must write an archive will
		// not start without sharing
		Files.write(this.dir.resolve("billing-service.jsa"), WHOLE);
		assertThat(this.cds.launch("billing-service", "billing-service", this.jar, List.of("-Xmx256m", "-Xshare:off")))
			.containsExactly("-jar", this.dir.resolve("billing-service.jar").toString());
	}

	@Test
	void aNewBuildIsExtractedAgainAndItsOldArchivesGo() throws Exception {
		Files.write(this.dir.resolve("billing-service.jsa"), WHOLE);
		Files.writeString(this.jar, "another build, which is no jar at all");
		assertThat(this.cds.launch("billing-service", "billing-service", this.jar, List.of())).containsExactly("-jar",
				this.jar.toString());
		assertThat(this.dir.resolve("billing-service.jsa")).doesNotExist();
	}

}
