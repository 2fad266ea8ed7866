package io.pizza.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/kubernetes.md counts what each overlay renders, kind by kind, as it renders it.
 */
class DeploymentCountsTests {

	private static final Pattern ROW = Pattern.compile("(?m)^\\| ([A-Za-z]+) \\| (\\d+) \\| (\\d+) \\|$");

	private static final Pattern ALL = Pattern
		.compile("\\| \\*\\*all\\*\\* \\| \\*\\*(\\d+)\\*\\* \\| \\*\\*(\\d+)\\*\\* \\|");

	@Test
	void theDocsCountWhatEachOverlayRenders() throws IOException {
		String docs = Files.readString(Path.of("../docs/kubernetes.md"));
		Map<String, Integer> small = new TreeMap<>();
		Map<String, Integer> large = new TreeMap<>();
		Matcher row = ROW.matcher(docs);
		while (row.find()) {
			small.put(row.group(1), Integer.parseInt(row.group(2)));
			large.put(row.group(1), Integer.parseInt(row.group(3)));
		}
		assertThat(small).isEqualTo(Overlay.of("small").counts());
		assertThat(large).isEqualTo(Overlay.of("large").counts());
		Matcher all = ALL.matcher(docs);
		assertThat(all.find()).as("the docs' row of all objects").isTrue();
		assertThat(Overlay.of("small").objects()).hasSize(Integer.parseInt(all.group(1)));
		assertThat(Overlay.of("large").objects()).hasSize(Integer.parseInt(all.group(2)));
	}

}
