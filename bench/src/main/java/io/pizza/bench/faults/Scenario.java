package io.pizza.bench.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pizza.platform.settings.Instance;
import io.pizza.platform.system.PlatformException;

/**
 * A fault a user can cause, with what it does and what to watch for. Each is healed by
 * {@code ./pizza fault heal}.
 */
enum Scenario {

	/** The leader of a partition of the orders topic, cut from its followers. */
	LEADER_ISOLATED("leader-isolated") {
		@Override
		Predicate<Map<String, String>> cause(Faulting faulting) {
			String partition = faulting.partitionName();
			Instance leader = faulting.leaders().of(faulting.partition());
			List<Instance> followers = faulting.brokersBut(leader);
			followers.forEach((follower) -> faulting.faults().cut(leader, follower));
			faulting.tell(leader + " led " + partition + ": cut from " + followers + " (it can neither replicate nor "
					+ "reach the controllers; clients still reach it). Watch its ISR shrink, " + leader
					+ " fenced, a new leader elected with a higher epoch.");
			return (state) -> ledByAnother(state.get(partition), leader);
		}
	},

	/** The KRaft quorum's leader, the active controller, cut from the other voters. */
	QUORUM_LEADER_ISOLATED("quorum-leader-isolated") {
		@Override
		Predicate<Map<String, String>> cause(Faulting faulting) {
			Instance leader = faulting.leaders().quorum();
			List<Instance> voters = faulting.brokersBut(leader);
			voters.forEach((voter) -> faulting.faults().cut(leader, voter));
			faulting
				.tell(leader + " led the quorum: cut from " + voters + ". Watch the others elect a new quorum leader"
						+ " (a higher epoch), and " + leader + "'s partitions move.");
			return (state) -> ledByAnother(state.get("quorum"), leader);
		}
	},

	/** order-service reaches one broker of three. */
	ORDER_SERVICE_CUT("order-service-cut") {
		@Override
		Predicate<Map<String, String>> cause(Faulting faulting) {
			Instance orderService = faulting.instance("order-service");
			List<Instance> cut = faulting.brokers().subList(0, 2);
			cut.forEach((broker) -> faulting.faults().cut(orderService, broker));
			faulting.tell("order-service cut from " + cut + ": the partitions they lead take no order from it (202 or "
					+ "503, never a lie); the cluster itself sees nothing wrong.");
			return (state) -> false;
		}
	},

	/** A broker paused (SIGSTOP) past its session. */
	BROKER_PAUSED("broker-paused") {
		@Override
		Predicate<Map<String, String>> cause(Faulting faulting) {
			Instance broker = faulting.leaders().of(faulting.partition());
			faulting.faults().pause(broker);
			faulting.tell(broker + " paused (SIGSTOP): it answers nothing and sends nothing. Watch the controller "
					+ "fence it once its session expires (broker.session.timeout.ms, 9 s), and its partitions move.");
			String partition = faulting.partitionName();
			return (state) -> ledByAnother(state.get(partition), broker);
		}
	},

	/** order-service's clock set ahead. */
	CLOCK_SKEW("clock-skew") {
		@Override
		Predicate<Map<String, String>> cause(Faulting faulting) {
			faulting.clocks().skew(faulting.instance("order-service"));
			return (state) -> false;
		}
	};

	// the first words of a partition's or the quorum's line: "leader kafka-2 (epoch 7),
	// ISR ..." or, when the leader did not answer, "leader kafka-2, ISR ..."
	private static final Pattern LEADER = Pattern.compile("^leader (kafka-\\d+)\\b");

	private final String name;

	Scenario(String name) {
		this.name = name;
	}

	/**
	 * Causes the fault and says so.
	 * @param faulting what it is caused with
	 * @return what, seen in the cluster's state, shows it took effect
	 */
	abstract Predicate<Map<String, String>> cause(Faulting faulting);

	// led, and by another node than the one the fault struck
	static boolean ledByAnother(String line, Instance struck) {
		Matcher leader = LEADER.matcher((line != null) ? line : "");
		return leader.find() && !leader.group(1).equals(struck.name());
	}

	String scenarioName() {
		return this.name;
	}

	static Scenario named(String name) {
		return Arrays.stream(values())
			.filter((scenario) -> scenario.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new PlatformException("Unknown fault '" + name + "': "
					+ String.join(", ", Arrays.stream(values()).map(Scenario::scenarioName).toList()) + ", or heal"));
	}

}
