package io.pizza.platform.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KRaft quorum's leader as the nodes themselves recorded it: each node keeps its
 * election state, the epoch and the leader it knows of, in
 * {@code __cluster_metadata-0/quorum-state} (KIP-595) and writes it at every election.
 * Read from disk, it answers at once, where an admin client takes most of a second to
 * start and to ask.
 */
final class QuorumState {

	static final String FILE = "__cluster_metadata-0/quorum-state";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private QuorumState() {
	}

	/**
	 * The leader of the latest epoch any of the given nodes knows of.
	 * @param dataDirs the data folders of the nodes to ask, the running ones
	 * @return the leader's node id; empty while that epoch has none (an election goes on)
	 * or when no node recorded one
	 */
	static Optional<Integer> leader(Collection<Path> dataDirs) {
		return dataDirs.stream()
			.map(QuorumState::read)
			.filter(Objects::nonNull)
			.max(Comparator.comparingInt(Election::epoch))
			.filter((latest) -> latest.leaderId() >= 0)
			.map(Election::leaderId);
	}

	private static Election read(Path dataDir) {
		try {
			JsonNode state = JSON.readTree(Files.readString(dataDir.resolve(FILE)));
			return new Election(state.path("leaderEpoch").asInt(-1), state.path("leaderId").asInt(-1));
		}
		catch (IOException | JacksonException ex) {
			// not written yet, or being written: this node does not say
			return null;
		}
	}

	private record Election(int epoch, int leaderId) {
	}

}
