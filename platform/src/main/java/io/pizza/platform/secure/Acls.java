package io.pizza.platform.secure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.pizza.platform.kafka.Groups;
import io.pizza.platform.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what in the secure mode: each service its own topics and groups, nothing
 * more. What no ACL allows is denied (the brokers and {@link TlsMaterial#ADMINS} aside).
 */
public final class Acls {

	private Acls() {
	}

	/**
	 * Every ACL of the system.
	 * @return the bindings
	 */
	public static List<AclBinding> all() {
		List<AclBinding> acls = new ArrayList<>();
		// order-service: publishes the orders; reads them and their statuses into its
		// read model in group order-service, and the orders again for the rows topic in
		// group order-rows (a READ of a topic serves every group the principal may read
		// in)
		acls.add(write("order-service", Topics.ORDERS));
		acls.addAll(read("order-service", Topics.ORDER_STATUS, "order-service"));
		acls.addAll(read("order-service", Topics.ORDERS, "order-rows"));
		acls.add(write("order-service", "pizza_order_rows"));
		// and its instances' claims and notes of placements, each read by all of them
		// with no group
		acls.add(write("order-service", "pizza-order-placements"));
		acls.add(allow("order-service", ResourceType.TOPIC, "pizza-order-placements", PatternType.LITERAL,
				AclOperation.READ));
		// the makers: read the orders in their group, write the statuses (and dead
		// letters) in transactions of their own
		acls.addAll(read("pizza-maker-service", Topics.ORDERS, Groups.MAKERS));
		// or in their share group (--kitchen=queue), whose settings each maker sets
		acls.add(allow("pizza-maker-service", ResourceType.GROUP, Groups.MAKERS_QUEUE, PatternType.LITERAL,
				AclOperation.READ));
		acls.add(allow("pizza-maker-service", ResourceType.GROUP, Groups.MAKERS_QUEUE, PatternType.LITERAL,
				AclOperation.ALTER_CONFIGS));
		acls.add(write("pizza-maker-service", Topics.ORDER_STATUS));
		acls.add(write("pizza-maker-service", "pizza-orders.DLT"));
		acls.add(allow("pizza-maker-service", ResourceType.TRANSACTIONAL_ID, "pizza-maker-", PatternType.PREFIXED,
				AclOperation.WRITE));
		acls.add(allow("pizza-maker-service", ResourceType.TRANSACTIONAL_ID, "pizza-maker-", PatternType.PREFIXED,
				AclOperation.DESCRIBE));
		// billing: reads the orders in its group, dead-letters what it cannot bill
		acls.addAll(read("billing-service", Topics.ORDERS, Groups.BILLING));
		acls.add(write("billing-service", "pizza-orders.billing.DLT"));
		// the tracker: its groups all start with its name; it writes the couriers'
		// positions and reads them back, and says when an order is out and delivered
		for (String topic : List.of(Topics.ORDERS, Topics.ORDER_STATUS, Topics.DELIVERY_POSITIONS)) {
			acls.add(allow("delivery-tracker-service", ResourceType.TOPIC, topic, PatternType.LITERAL,
					AclOperation.READ));
		}
		acls.add(allow("delivery-tracker-service", ResourceType.GROUP, Groups.DISPATCH, PatternType.PREFIXED,
				AclOperation.READ));
		acls.add(write("delivery-tracker-service", Topics.DELIVERY_POSITIONS));
		acls.add(write("delivery-tracker-service", Topics.ORDER_STATUS));
		// Kafka Connect: its own group and internal topics, the sink's consumer group
		// (connect-<connector>), the rows topic, and its dead-letter topic, which it
		// makes
		acls.add(allow("kafka-connect", ResourceType.GROUP, "pizza-connect", PatternType.LITERAL, AclOperation.READ));
		acls.add(allow("kafka-connect", ResourceType.GROUP, "connect-", PatternType.PREFIXED, AclOperation.READ));
		acls.add(allow("kafka-connect", ResourceType.TOPIC, "pizza-connect-", PatternType.PREFIXED, AclOperation.ALL));
		acls.add(
				allow("kafka-connect", ResourceType.TOPIC, "pizza_order_rows", PatternType.LITERAL, AclOperation.READ));
		acls.add(allow("kafka-connect", ResourceType.TOPIC, "pizza_order_rows.connect.DLT", PatternType.LITERAL,
				AclOperation.ALL));
		// the dashboard: sees the whole cluster (the quorum, every topic's offsets, every
		// group and its members) and changes nothing; it reads the orders as they flow by
		// in a group of its own
		acls.add(allow("dashboard", ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE));
		acls.add(allow("dashboard", ResourceType.TOPIC, "*", PatternType.LITERAL, AclOperation.DESCRIBE));
		acls.add(allow("dashboard", ResourceType.GROUP, "*", PatternType.LITERAL, AclOperation.DESCRIBE));
		acls.addAll(read("dashboard", Topics.ORDERS, "dashboard"));
		return acls;
	}

	/**
	 * Creates the system's ACLs; those that exist already stay as they are.
	 * @param admin a client of a super user
	 */
	public static void apply(Admin admin) {
		try {
			admin.createAcls(all()).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not create the ACLs: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static List<AclBinding> read(String principal, String topic, String group) {
		return List.of(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ),
				allow(principal, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
	}

	private static AclBinding write(String principal, String topic) {
		return allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
	}

	private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
			AclOperation operation) {
		return new AclBinding(new ResourcePattern(type, name, pattern),
				new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
	}

}
