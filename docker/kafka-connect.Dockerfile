# The Kafka Connect worker: Kafka's own image at the cluster's version, with the Debezium JDBC sink
# on its plugin path (unpacked by the kafka-connect module, as for ./pizza up).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl kafka-connect -DskipTests package

FROM apache/kafka:4.3.1
COPY --from=build /src/kafka-connect/target/plugins /opt/connect-plugins
COPY docker/kafka-connect.properties /opt/kafka-connect/worker.properties
# the warehouse's password from the file docker compose mounts, into the variable the connector
# reads (${env:PIZZA_WAREHOUSE_PASSWORD})
ENTRYPOINT ["/bin/sh", "-c", "export PIZZA_WAREHOUSE_PASSWORD=\"$(cat /run/secrets/postgres.password)\" && exec /opt/kafka/bin/connect-distributed.sh /opt/kafka-connect/worker.properties"]
