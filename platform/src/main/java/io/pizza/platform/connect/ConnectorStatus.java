package io.pizza.platform.connect;

import java.util.List;

/**
 * A connector and how it runs.
 *
 * @param state the connector's state ({@code RUNNING}, {@code FAILED}, ...)
 * @param tasks each task's state
 * @param type {@code sink} or {@code source}
 */
public record ConnectorStatus(String name, String state, List<String> tasks, String type) {
}
