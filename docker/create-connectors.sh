#!/bin/sh
# Creates the connectors of kafka-connect/connectors/, as ./pizza up does; one that exists stays.
set -eu
for file in /connectors/*.json; do
	status=$(curl -s -o /tmp/answer -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
		--data @"$file" http://kafka-connect:8086/connectors)
	case "$status" in
		201) echo "created $(basename "$file")" ;;
		409) echo "$(basename "$file"): the connector exists" ;;
		*) echo "$(basename "$file"): HTTP $status $(cat /tmp/answer)" >&2; exit 1 ;;
	esac
done
curl -s 'http://kafka-connect:8086/connectors?expand=status'
