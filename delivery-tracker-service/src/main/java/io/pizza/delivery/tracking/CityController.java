package io.pizza.delivery.tracking;

import java.util.List;

import io.pizza.delivery.city.City;
import io.pizza.delivery.config.DeliveryTrackerProperties;
import io.pizza.delivery.destination.Destinations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /city}: the map's edges, the shops on it and when a position turns stale,
 * for the map page.
 */
@RestController
class CityController {

	private final Destinations destinations;

	private final DeliveryTrackerProperties properties;

	CityController(Destinations destinations, DeliveryTrackerProperties properties) {
		this.destinations = destinations;
		this.properties = properties;
	}

	@GetMapping("/city")
	CityView city() {
		City city = this.destinations.city();
		List<CityView.Shop> shops = this.destinations.shops()
			.entrySet()
			.stream()
			.map((shop) -> new CityView.Shop(shop.getKey(), shop.getValue().lat(), shop.getValue().lon()))
			.toList();
		return new CityView(city.name(), city.south(), city.west(), city.north(), city.east(), shops,
				this.properties.staleAfter().toMillis());
	}

	/**
	 * The city as the map page draws it.
	 *
	 * @param south its southern edge
	 * @param west its western edge
	 * @param north its northern edge
	 * @param east its eastern edge
	 * @param shops the shops orders came from
	 * @param staleAfterMillis the age from which a position is stale
	 */
	record CityView(String name, double south, double west, double north, double east, List<Shop> shops,
			long staleAfterMillis) {

		/**
		 * A shop on the map.
		 *
		 * @param lat latitude
		 * @param lon longitude
		 */
		record Shop(String name, double lat, double lon) {
		}

	}

}
