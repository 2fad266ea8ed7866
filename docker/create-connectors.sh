#!/bin/sh
# Creates the connectors of kafka-connect/connectors/, as ./pizza up does; one that exists stays.
# The worker's REST API asks for the admin's password, from CONNECT_USERS.
set -eu
auth=""
if [ -n "${CONNECT_USERS:-}" ]; then
	auth="admin:$(sed -n 's/^admin: *//p' "$CONNECT_USERS")"
fi
for file in /connectors/*.json; do
	status=$(curl -s -o /tmp/answer -w '%{http_code}' ${auth:+-u "$auth"} -X POST \
		-H 'Content-Type: application/json' --data @"$file" http://kafka-connect:8086/connectors)
	case "$status" in
		201) echo "created $(basename "$file")" ;;
		409) echo "$(basename "$file"): the connector exists" ;;
		*) echo "$(basename "$file"): HTTP $status $(cat /tmp/answer)" >&2; exit 1 ;;
	esac
done
curl -s ${auth:+-u "$auth"} 'http://kafka-connect:8086/connectors?expand=status'
