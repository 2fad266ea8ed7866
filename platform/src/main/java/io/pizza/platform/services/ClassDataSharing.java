package io.pizza.platform.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes the services start about twice as fast on a small machine, at no cost to the
 * first start: the first instance of a module that starts from its {@link ExtractedJars
 * extracted jar} without an archive writes the classes it loaded to one when it stops
 * ({@code -XX:ArchiveClassesAtExit}); every later start of the module maps them instead
 * of loading them again. An instance killed hard writes none, and the next one that
 * starts does; where the jar cannot be extracted, a service starts from its jar.
 */
final class ClassDataSharing {

	private static final String ARCHIVE = ".jsa";

	private static final String ARCHIVING = "-XX:ArchiveClassesAtExit=";

	// the first bytes of a dynamic archive, as HotSpot writes them (cds.h)
	private static final int DYNAMIC_MAGIC = 0xf00baba8;

	private final ExtractedJars jars;

	ClassDataSharing(ExtractedJars jars) {
		this.jars = jars;
	}

	/**
	 * How the JVM runs an instance: mapping its module's archive; from the extracted jar,
	 * writing an archive of its own when it stops; or, when the jar could not be
	 * extracted, from the jar.
	 * @param module the service's module
	 * @param instance the instance's name
	 * @param jar the module's jar
	 * @param jvmOptions the instance's other JVM options: with {@code -Xshare:off} (to
	 * profile it with Flight Recorder, say) it neither maps nor writes an archive
	 * @return the options that end the service's command line
	 */
	List<String> launch(String module, String instance, Path jar, List<String> jvmOptions) {
		if (!this.jars.extract(module, jar)) {
			return List.of("-jar", jar.toString());
		}
		Path build = this.jars.build(module, jar);
		Path extracted = build.resolve(module + ".jar");
		if (jvmOptions.contains("-Xshare:off")) {
			return List.of("-jar", extracted.toString());
		}
		Optional<Path> archive = archive(build);
		if (archive.isPresent()) {
			return List.of("-XX:SharedArchiveFile=" + archive.get(), "-jar", extracted.toString());
		}
		if (ProcessHandle.allProcesses().anyMatch((process) -> archivesAtExit(process, build))) {
			// another instance of the module writes the archive: one is enough
			return List.of("-jar", extracted.toString());
		}
		// the archiving's warnings (the classes it leaves out) kept out of the log
		return List.of(ARCHIVING + build.resolve(instance + ARCHIVE), "-Xlog:cds*=off", "-jar", extracted.toString());
	}

	/**
	 * Tells whether a JVM writes a class archive when it stops.
	 * @param process the JVM
	 * @return whether it was started to
	 */
	static boolean archivesAtExit(ProcessHandle process) {
		return archivesAtExit(process, Path.of(""));
	}

	private static boolean archivesAtExit(ProcessHandle process, Path where) {
		String archiving = ARCHIVING + where;
		return process.info()
			.arguments()
			.map((arguments) -> Arrays.stream(arguments).anyMatch((argument) -> argument.startsWith(archiving)))
			.orElse(false);
	}

	// an archive an instance of this build wrote whole: the JVM writes its header last,
	// so one cut short, by a kill while it was written, has no magic number and is
	// removed, unless its instance is still writing it
	private static Optional<Path> archive(Path build) {
		try (Stream<Path> files = Files.list(build)) {
			List<Path> archives = files.filter((file) -> file.getFileName().toString().endsWith(ARCHIVE))
				.sorted()
				.toList();
			for (Path archive : archives) {
				if (whole(archive)) {
					return Optional.of(archive);
				}
				if (ProcessHandle.allProcesses().noneMatch((process) -> archivesAtExit(process, archive))) {
					Files.deleteIfExists(archive);
				}
			}
		}
		catch (IOException ex) {
			// none usable
		}
		return Optional.empty();
	}

	private static boolean whole(Path archive) throws IOException {
		try (InputStream in = Files.newInputStream(archive)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt() == DYNAMIC_MAGIC;
		}
	}

}
