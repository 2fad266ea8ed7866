# One image per service: docker build --build-arg MODULE=order-service .
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl ${MODULE} -am -DskipTests -Dspring-javaformat.skip=true -Dcheckstyle.skip package \
	&& cp ${MODULE}/target/${MODULE}.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app.jar /app/app.jar
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
