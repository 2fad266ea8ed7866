#!/bin/sh
# The secrets, made once in the secrets volume, each in a folder of its owner's own (as ./pizza makes
# .pizza/secrets); each container mounts its own folder alone.
# - PostgreSQL: the superuser's password, for the postgres container alone, and one per service
#   that owns a database.
# - HTTP: a password per user, and in each service's folder the users' names, roles and SHA-256
#   digests (pizza.http.users), never their passwords.
# - order-service: the key its instances derive order ids from (an HMAC of a client's
#   Idempotency-Key), which nobody else knows.
# - Kafka Connect: its REST API's user and password, as its PropertyFileLoginModule reads them.
set -eu

# FILE [BYTES]: BYTES random bytes (18: 144 bits) in URL-safe base64, no character that needs
# quoting anywhere
secret() {
	if [ ! -s "$1" ]; then
		mkdir -p "$(dirname "$1")"
		head -c "${2:-18}" /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$1.new"
		# readable inside the containers that mount it, whatever user each runs as
		chmod 0444 "$1.new"
		mv "$1.new" "$1"
	fi
}

for role in postgres order-service billing-service kafka-connect; do
	secret "/secrets/$role/postgres.password"
done

secret /secrets/order-service/order-service.order-id-key 32

rest=/secrets/kafka-connect/connect-rest.password
if [ ! -s "$rest" ]; then
	secret "$rest.secret"
	printf 'admin: %s\n' "$(cat "$rest.secret")" > "$rest.new"
	rm "$rest.secret"
	chmod 0444 "$rest.new"
	mv "$rest.new" "$rest"
fi

users=""
for user in admin:ADMIN staff:STAFF bike-1:COURIER dashboard:STAFF; do
	name="${user%%:*}"
	secret "/secrets/$name/pizza.http.password"
	digest="$(sha256sum < "/secrets/$name/pizza.http.password" | cut -d' ' -f1)"
	users="$users$name ${user#*:} $digest
"
done
for service in order-service pizza-maker-service billing-service delivery-tracker-service dashboard; do
	mkdir -p "/secrets/$service"
	printf '%s' "$users" > "/secrets/$service/pizza.http.users"
	chmod 0444 "/secrets/$service/pizza.http.users"
done
echo "secrets ready"
