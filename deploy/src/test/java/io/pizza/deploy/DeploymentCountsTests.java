package io.pizza.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/kubernetes.md counts what each overlay renders, as it renders it.
 */
class DeploymentCountsTests {

	@Test
	void theDocsCountWhatEachOverlayRenders() throws IOException {
		String docs = Files.readString(Path.of("../docs/kubernetes.md"));
		Matcher all = Pattern.compile("\\| \\*\\*all\\*\\* \\| \\*\\*(\\d+)\\*\\* \\| \\*\\*(\\d+)\\*\\* \\|")
			.matcher(docs);
		assertThat(all.find()).as("the docs' row of all objects").isTrue();
		assertThat(Overlay.of("small").objects()).hasSize(Integer.parseInt(all.group(1)));
		assertThat(Overlay.of("large").objects()).hasSize(Integer.parseInt(all.group(2)));
		for (String overlay : Overlay.NAMES) {
			System.out.println(overlay + ": " + Overlay.of(overlay).counts());
		}
	}

}
