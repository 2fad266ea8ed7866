#!/bin/bash
# Creates the system's topics, as ./pizza up does (platform/src/main/java/io/pizza/platform/kafka/Topics.java).
set -euo pipefail
bootstrap="kafka-1:19092,kafka-2:19092,kafka-3:19092"
# in the secure compose, the admin's TLS client settings
client=()
if [[ -n "${KAFKA_CLIENT_CONFIG:-}" ]]; then
	client=(--command-config "$KAFKA_CLIENT_CONFIG")
fi
create() {
	/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" "${client[@]}" --create --if-not-exists "$@"
}
create --topic pizza-orders --partitions 6 --replication-factor 3 --config retention.ms=604800000
create --topic pizza-orders.DLT --partitions 6 --replication-factor 3 --config retention.ms=1209600000
create --topic pizza-orders.billing.DLT --partitions 6 --replication-factor 3 --config retention.ms=1209600000
create --topic pizza-order-status --partitions 6 --replication-factor 3 --config retention.ms=604800000
create --topic pizza-order-placements --partitions 6 --replication-factor 3 --config retention.ms=604800000
create --topic pizza_order_rows --partitions 6 --replication-factor 3 --config retention.ms=604800000
create --topic delivery-positions --partitions 6 --replication-factor 3 --config retention.ms=3600000 --config retention.bytes=67108864 --config segment.ms=600000
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" "${client[@]}" --describe
