package io.pizza.delivery.courier;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A position a courier's app reports.
 *
 * @param orderId the order the courier carries
 * @param lat latitude, from -90 to 90
 * @param lon longitude, from -180 to 180
 * @param at when the courier was there; now, when not given
 * @param delivered whether the courier handed the order over there
 */
record PositionReport(@NotNull UUID orderId, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
		@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @Nullable Instant at, @Nullable Boolean delivered) {

}
