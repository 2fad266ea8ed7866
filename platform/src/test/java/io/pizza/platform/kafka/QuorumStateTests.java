package io.pizza.platform.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class QuorumStateTests {

	@TempDir
	Path state;

	@Test
	void theLeaderOfTheLatestEpochAnyNodeKnowsOf() throws IOException {
		Path behind = node("kafka-1", 4, 1);
		Path ahead = node("kafka-2", 5, 2);
		assertThat(QuorumState.leader(List.of(behind, ahead))).contains(2);
		assertThat(QuorumState.leader(List.of(behind))).contains(1);
	}

	@Test
	void noneWhileTheLatestEpochIsStillElectingOrNoNodeSays() throws IOException {
		Path led = node("kafka-1", 4, 1);
		Path electing = node("kafka-2", 5, -1);
		Path unformatted = Files.createDirectories(this.state.resolve("kafka-3"));
		assertThat(QuorumState.leader(List.of(led, electing))).isEmpty();
		assertThat(QuorumState.leader(List.of(unformatted))).isEmpty();
		assertThat(QuorumState.leader(List.of(led, unformatted))).contains(1);
	}

	// as a KRaft node of Kafka 4 writes it
	private Path node(String name, int epoch, int leader) throws IOException {
		Path dataDir = this.state.resolve(name);
		Path file = dataDir.resolve(QuorumState.FILE);
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				{"clusterId":"","leaderId":%d,"leaderEpoch":%d,"votedId":1,"appliedOffset":0,\
				"currentVoters":[{"voterId":1},{"voterId":2},{"voterId":3}],"data_version":0}""".formatted(leader,
				epoch));
		return dataDir;
	}

}
