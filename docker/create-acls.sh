#!/bin/bash
# The secure compose's ACLs, as ./pizza up --secure makes them
# (platform/src/main/java/io/pizza/platform/secure/Acls.java): each service only its own topics
# and groups, the dashboard to look at everything; the brokers and admin are super users;
# everything else is denied.
set -euo pipefail
bootstrap="kafka-1:19092,kafka-2:19092,kafka-3:19092"
acl() {
	local principal="$1"
	shift
	/opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$KAFKA_CLIENT_CONFIG" \
		--add --allow-principal "User:$principal" "$@" > /dev/null
	echo "allowed $principal $*"
}
acl order-service --operation Write --topic pizza-orders
acl order-service --operation Read --topic pizza-order-status
acl order-service --operation Read --group order-service
acl order-service --operation Read --topic pizza-orders
acl order-service --operation Read --group order-rows
acl order-service --operation Write --topic pizza_order_rows
acl order-service --operation Write --topic pizza-order-placements
acl order-service --operation Read --topic pizza-order-placements
acl pizza-maker-service --operation Read --topic pizza-orders
acl pizza-maker-service --operation Read --group pizza-makers
acl pizza-maker-service --operation Read --group pizza-oven-queue
acl pizza-maker-service --operation AlterConfigs --group pizza-oven-queue
acl pizza-maker-service --operation Write --topic pizza-order-status
acl pizza-maker-service --operation Write --topic pizza-orders.DLT
acl pizza-maker-service --operation Write --transactional-id pizza-maker- --resource-pattern-type prefixed
acl pizza-maker-service --operation Describe --transactional-id pizza-maker- --resource-pattern-type prefixed
acl billing-service --operation Read --topic pizza-orders
acl billing-service --operation Read --group billing
acl billing-service --operation Write --topic pizza-orders.billing.DLT
acl delivery-tracker-service --operation Read --topic pizza-orders
acl delivery-tracker-service --operation Read --topic pizza-order-status
acl delivery-tracker-service --operation Read --topic delivery-positions
acl delivery-tracker-service --operation Read --group delivery-tracker --resource-pattern-type prefixed
acl delivery-tracker-service --operation Write --topic delivery-positions
acl delivery-tracker-service --operation Write --topic pizza-order-status
acl kafka-connect --operation Read --group pizza-connect
acl kafka-connect --operation Read --group connect- --resource-pattern-type prefixed
acl kafka-connect --operation All --topic pizza-connect- --resource-pattern-type prefixed
acl kafka-connect --operation Read --topic pizza_order_rows
acl kafka-connect --operation All --topic pizza_order_rows.connect.DLT
acl dashboard --operation Describe --cluster
acl dashboard --operation Describe --topic '*'
acl dashboard --operation Describe --group '*'
acl dashboard --operation Read --topic pizza-orders
acl dashboard --operation Read --group dashboard
