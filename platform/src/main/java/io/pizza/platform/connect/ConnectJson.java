package io.pizza.platform.connect;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper of the worker's JSON, made when a connector is first read or written, not by
 * every command that only asks whether the worker is up.
 */
final class ConnectJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ConnectJson() {
	}

}
