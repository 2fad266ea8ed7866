package io.pizza.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudNativePG's CRD schemas, as npm publishes them compiled to validators
 * ({@code @kubernetes-models/cloudnative-pg}, at the version the deploy module names,
 * built from the operator's CRDs), run by Node.js; installed into {@code target/cnpg} on
 * first use. These validators let an unknown field pass: the field names are held by
 * {@code DescribedOnceTests} where they matter.
 */
final class CloudNativePgSchemas {

	static final String GROUP = "postgresql.cnpg.io/";

	private static final Path FOLDER = Path.of("target/cnpg").toAbsolutePath();

	private static final String CHECK = """
			import { readFileSync } from "node:fs";
			const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
			let failed = 0;
			for (const object of objects) {
			  const version = object.apiVersion.split("/")[1];
			  const models = await import(`@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/${version}/${object.kind}`);
			  try {
			    new models[object.kind](object).validate();
			  } catch (e) {
			    failed++;
			    console.log(`${object.kind} ${object.metadata.name}: ${e.message}`);
			  }
			}
			process.exit(failed ? 1 : 0);
			""";

	private CloudNativePgSchemas() {
	}

	/**
	 * Checks CloudNativePG's objects against their kinds' schemas.
	 * @param objects objects of CloudNativePG's kinds
	 * @return what is wrong with them, if anything
	 */
	static Optional<String> problems(List<JsonNode> objects) {
		try {
			install();
			Path input = Files.createTempFile(FOLDER, "objects", ".json");
			Files.writeString(input, JsonMapper.shared().writeValueAsString(objects));
			Path check = FOLDER.resolve("check.mjs");
			Files.writeString(check, CHECK);
			String output = run(List.of("node", check.toString(), input.toString()));
			Files.delete(input);
			return output.isEmpty() ? Optional.empty() : Optional.of(output);
		}
		catch (IOException ex) {
			throw new AssertionError("Node.js and npm are needed for CloudNativePG's schemas (README)", ex);
		}
	}

	private static void install() throws IOException {
		if (!Files.isDirectory(FOLDER.resolve("node_modules/@kubernetes-models/cloudnative-pg"))) {
			Files.createDirectories(FOLDER);
			for (String file : List.of("package.json", "package-lock.json")) {
				Files.copy(Path.of("src/test/cnpg").resolve(file), FOLDER.resolve(file),
						StandardCopyOption.REPLACE_EXISTING);
			}
			String installed = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
			if (!Files.isDirectory(FOLDER.resolve("node_modules/@kubernetes-models/cloudnative-pg"))) {
				throw new AssertionError("npm did not install CloudNativePG's models:\n" + installed);
			}
		}
	}

	// what the command printed when it failed; nothing when it did not
	private static String run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return "timed out: " + command;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		return (process.exitValue() == 0) ? "" : output;
	}

}
