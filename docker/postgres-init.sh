# One role per service, owning its database alone, as ./pizza's PostgreSQL does
# (platform/.../DatabaseOwner.java): a login with its own password (made by the secrets service),
# no other right, and nobody else may connect to its database. Sourced by the image's entrypoint
# on the first start, with the superuser's password in PGPASSWORD.
pizza_database() {
	PIZZA_PASSWORD="$(cat "/run/pizza-secrets/$2/postgres.password")" \
		psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
			-v database="$1" -v role="$2" <<-'SQL'
		\getenv password PIZZA_PASSWORD
		CREATE ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
		CREATE DATABASE :"database" OWNER :"role";
		REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
	SQL
}
pizza_database orders order-service
pizza_database billing billing-service
pizza_database warehouse kafka-connect
