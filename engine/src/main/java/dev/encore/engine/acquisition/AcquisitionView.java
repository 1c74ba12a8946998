package dev.encore.engine.acquisition;

import java.util.Map;

/**
 * {@code profile.acquisition} as support and journeys read it; {@code first} and
 * {@code last} are null until an event carried a page.
 *
 * @param sources visits per source ({@code google}, {@code newsletter}, {@code direct},
 * {@code other} past the cap)
 */
record AcquisitionView(Touch first, Touch last, Map<String, Integer> sources) {

}
