package io.pizza.platform.settings;

/**
 * What an instance of the platform is.
 */
public enum Kind {

	/** A Kafka node, broker and controller in one. */
	BROKER,

	/** The PostgreSQL server. */
	DATABASE,

	/** A Spring Boot service. */
	SERVICE,

	/** The Kafka Connect worker. */
	CONNECT,

	/** The Zipkin server, which keeps the services' spans. */
	TRACES,

	/** A half of the gateway to the platform's own network. */
	GATEWAY

}
