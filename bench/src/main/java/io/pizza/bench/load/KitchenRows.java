package io.pizza.bench.load;

import java.util.ArrayList;
import java.util.List;

import io.pizza.platform.settings.Modes;

/**
 * The report's rows of the two kitchens: one per kitchen and number of makers, one per
 * kitchen's kill.
 */
final class KitchenRows {

	private KitchenRows() {
	}

	static List<String> of(KitchenFigures.Result kitchens) {
		List<String> rows = new ArrayList<>();
		for (KitchenFigures.Run run : kitchens.runs()) {
			rows.add(BenchReport.ROW.formatted(
					"Kitchen: %s, %d makers, %d ms a pizza".formatted(name(run.kitchen()), run.makers(),
							KitchenComparison.BAKING_TIME_PER_PIZZA.toMillis()),
					"%.0f orders/s; %d of %d orders baked after a later one of their shop%s".formatted(run.perSecond(),
							run.outOfShopOrder(), run.orders(),
							(run.notBaked() > 0) ? ", %d not baked".formatted(run.notBaked()) : "")));
		}
		for (KitchenFigures.Kill kill : kitchens.kills()) {
			rows.add(
					BenchReport.ROW.formatted("Kitchen: %s, 2 makers, kill --hard".formatted(name(kill.kitchen())),
							"the %d orders it held baked by the other after %s; longest partition pause %.1f s%s"
								.formatted(kill.held(),
										(kill.heldBakedAfter() != null) ? "%.1f s".formatted(kill.heldBakedAfter())
												: "-",
										kill.longestPause(),
										(kill.notBaked() > 0) ? ", %d not baked".formatted(kill.notBaked()) : "")));
		}
		return rows;
	}

	private static String name(String kitchen) {
		return kitchen.equals(Modes.QUEUE) ? "share group" : "consumer group";
	}

}
