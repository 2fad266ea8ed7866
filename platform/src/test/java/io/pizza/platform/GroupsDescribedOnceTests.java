package io.pizza.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.kafka.Groups;
import io.pizza.platform.secure.Acls;
import io.pizza.platform.settings.Instance;
import io.pizza.platform.settings.PlatformSettings;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/topology.md's table of services names each one's consumer groups as the secure
 * mode's {@link Acls} let its principal read in them: no group in the table its service
 * could not join, and no group granted that the table leaves out; and the groups the
 * platform names ({@link Groups}) are the ones the services' settings join.
 */
class GroupsDescribedOnceTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	// | order-service | 8080 | `order-service` (its read model); `order-rows` (...) | ...
	private static final Pattern ROW = Pattern.compile("^\\| ([a-z0-9, -]+) \\| [\\d, ]+ \\| ([^|]+) \\|");

	// a group's name, `<instance>` standing for any instance's
	private static final Pattern GROUP = Pattern.compile("`([a-z][a-z0-9-]*(?:<instance>)?)`");

	@Test
	void theReadmesGroupsAreTheOnesEachPrincipalMayReadIn() throws IOException {
		Map<String, String> principalByGroup = tableGroups();
		assertThat(principalByGroup).isNotEmpty();
		principalByGroup.forEach((group, principal) -> assertThat(mayRead(principal, group))
			.as("%s may read in group %s", principal, group)
			.isTrue());
		Set<String> granted = new HashSet<>();
		for (AclBinding acl : Acls.all()) {
			if (acl.pattern().resourceType() == ResourceType.GROUP && acl.entry().operation() == AclOperation.READ) {
				granted.add(acl.pattern().name());
			}
		}
		assertThat(granted).allSatisfy((name) -> assertThat(principalByGroup.keySet())
			.as("a group starting with or named %s in docs/topology.md", name)
			.anyMatch((group) -> group.startsWith(name)));
	}

	@Test
	void theGroupsInEachServicesSettingsAreOnesItsPrincipalMayReadIn() throws IOException {
		Map<String, Set<String>> groupsByService = new LinkedHashMap<>();
		for (Instance service : PlatformSettings.load(ROOT, new Properties()).services()) {
			Object yml = new Yaml()
				.load(Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.yml")));
			groupsByService.computeIfAbsent(service.module(), (module) -> new TreeSet<>()).addAll(groups(yml));
		}
		assertThat(groupsByService.get("pizza-maker-service")).containsExactly(Groups.MAKERS, Groups.MAKERS_QUEUE);
		assertThat(groupsByService.get("billing-service")).contains(Groups.BILLING);
		assertThat(groupsByService.get("delivery-tracker-service")).contains(Groups.DISPATCH);
		groupsByService.forEach((service, groups) -> assertThat(groups).allSatisfy(
				(group) -> assertThat(mayRead(service, group)).as("%s may read in group %s", service, group).isTrue()));
	}

	// the values of every group-id and group setting
	private static Set<String> groups(Object yml) {
		Set<String> groups = new TreeSet<>();
		if (yml instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (Set.of("group-id", "group").contains(key) && value instanceof String name) {
					groups.add(name);
				}
				groups.addAll(groups(value));
			});
		}
		return groups;
	}

	private static Map<String, String> tableGroups() throws IOException {
		PlatformSettings settings = PlatformSettings.load(ROOT, new Properties());
		Map<String, String> principalByGroup = new LinkedHashMap<>();
		for (String line : Files.readAllLines(ROOT.resolve("docs/topology.md"))) {
			Matcher row = ROW.matcher(line);
			if (!row.find()) {
				continue;
			}
			Instance first = settings.instance(row.group(1).split(", ")[0]).orElseThrow();
			String principal = (first.module() != null) ? first.module() : first.name();
			Matcher group = GROUP.matcher(row.group(2));
			while (group.find()) {
				principalByGroup.put(group.group(1).replace("<instance>", "tracker-1"), principal);
			}
		}
		return principalByGroup;
	}

	private static boolean mayRead(String principal, String group) {
		return Acls.all()
			.stream()
			.filter((acl) -> acl.entry().principal().equals("User:" + principal))
			.filter((acl) -> acl.entry().operation() == AclOperation.READ)
			.map(AclBinding::pattern)
			.filter((pattern) -> pattern.resourceType() == ResourceType.GROUP)
			.anyMatch((pattern) -> (pattern.patternType() == PatternType.LITERAL) ? pattern.name().equals(group)
					: group.startsWith(pattern.name()));
	}

}
