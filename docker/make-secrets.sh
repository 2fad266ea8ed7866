#!/bin/sh
# Each PostgreSQL role's password, made once, in a folder of the role's own in the secrets volume
# (as ./pizza makes .pizza/secrets): the superuser's, for the postgres container alone, and one per
# service that owns a database, each mounted by that service alone.
set -eu
for role in postgres order-service billing-service kafka-connect; do
	file="/secrets/$role/postgres.password"
	if [ ! -s "$file" ]; then
		mkdir -p "/secrets/$role"
		# 144 random bits in URL-safe base64: no character needs quoting anywhere
		head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$file.new"
		# readable inside the containers that mount it, whatever user each runs as
		chmod 0444 "$file.new"
		mv "$file.new" "$file"
	fi
done
echo "database passwords ready"
