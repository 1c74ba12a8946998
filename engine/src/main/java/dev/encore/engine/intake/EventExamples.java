package dev.encore.engine.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * OpenAPI examples of the Segment e-commerce events journeys use, shown in Swagger UI on
 * the event APIs.
 */
@Component
class EventExamples implements OpenApiCustomizer {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final String IDENTIFY = "{\"messageId\":\"m-0\",\"type\":\"identify\",\"userId\":\"c-1\",\"traits\":{\"email\":\"ann@example.com\",\"firstName\":\"Ann\",\"locale\":\"en\",\"timezone\":\"Europe/Berlin\"}}";

	static final String SIGNED_UP = "{\"messageId\":\"m-1\",\"type\":\"track\",\"event\":\"Signed Up\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"method\":\"email\"}}";

	static final String PRODUCT_VIEWED = "{\"messageId\":\"m-2\",\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"product_id\":\"p-42\",\"name\":\"Linen shirt\",\"price\":49.0,\"currency\":\"USD\"}}";

	static final String PRODUCT_ADDED = "{\"messageId\":\"m-3\",\"type\":\"track\",\"event\":\"Product Added\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"cart_id\":\"cart-7\",\"product_id\":\"p-42\",\"name\":\"Linen shirt\",\"quantity\":1,\"price\":49.0}}";

	static final String PRODUCT_REMOVED = "{\"messageId\":\"m-4\",\"type\":\"track\",\"event\":\"Product Removed\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"cart_id\":\"cart-7\",\"product_id\":\"p-42\",\"quantity\":1}}";

	static final String CART_VIEWED = "{\"messageId\":\"m-5\",\"type\":\"track\",\"event\":\"Cart Viewed\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"cart_id\":\"cart-7\",\"products\":[{\"product_id\":\"p-42\",\"name\":\"Linen shirt\",\"quantity\":1,\"price\":49.0}]}}";

	static final String CHECKOUT_STARTED = "{\"messageId\":\"m-6\",\"type\":\"track\",\"event\":\"Checkout Started\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"checkout_id\":\"co-9\",\"value\":49.0,\"currency\":\"USD\",\"products\":[{\"product_id\":\"p-42\",\"name\":\"Linen shirt\",\"quantity\":1,\"price\":49.0}]}}";

	static final String ORDER_COMPLETED = "{\"messageId\":\"m-7\",\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"order_id\":\"o-1001\",\"checkout_id\":\"co-9\",\"total\":54.0,\"revenue\":49.0,\"shipping\":5.0,\"currency\":\"USD\",\"products\":[{\"product_id\":\"p-42\",\"name\":\"Linen shirt\",\"quantity\":1,\"price\":49.0}]}}";

	static final String ORDER_REFUNDED = "{\"messageId\":\"m-8\",\"type\":\"track\",\"event\":\"Order Refunded\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"order_id\":\"o-1001\",\"total\":54.0,\"currency\":\"USD\"}}";

	static final String ORDER_CANCELLED = "{\"messageId\":\"m-9\",\"type\":\"track\",\"event\":\"Order Cancelled\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"order_id\":\"o-1001\",\"total\":54.0,\"currency\":\"USD\"}}";

	static final String EMAIL_OPENED = "{\"messageId\":\"m-10\",\"type\":\"track\",\"event\":\"Email Opened\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"email_id\":\"m-77\",\"campaign\":\"AbandonedCart\"}}";

	static final String EMAIL_LINK_CLICKED = "{\"messageId\":\"m-11\",\"type\":\"track\",\"event\":\"Email Link Clicked\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"email_id\":\"m-77\",\"link_url\":\"https://shop.example.com/cart\"}}";

	static final String SITE_VISITED = "{\"messageId\":\"m-12\",\"type\":\"track\",\"event\":\"Site Visited\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"url\":\"https://shop.example.com/\"},\"context\":{\"campaign\":{\"source\":\"newsletter\",\"medium\":\"email\",\"name\":\"autumn-edit\"},\"page\":{\"url\":\"https://shop.example.com/\",\"referrer\":\"https://mail.example.com/\"}}}";

	static final String REVIEW_SUBMITTED = "{\"messageId\":\"m-13\",\"type\":\"track\",\"event\":\"Review Submitted\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"order_id\":\"o-1001\",\"product_id\":\"p-42\",\"rating\":4,\"ratings\":{\"productInfo\":5,\"serviceResponse\":4,\"logistics\":3,\"reviewFeedback\":4,\"refundSpeed\":5}}}";

	static final String NPS_SUBMITTED = "{\"messageId\":\"m-16\",\"type\":\"track\",\"event\":\"NPS Submitted\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"score\":9}}";

	static final String REFERRAL_COMPLETED = "{\"messageId\":\"m-14\",\"type\":\"track\",\"event\":\"Referral Completed\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"referred_customer_id\":\"c-2\"}}";

	static final String POINTS_REDEEMED = "{\"messageId\":\"m-15\",\"type\":\"track\",\"event\":\"Points Redeemed\",\"userId\":\"c-1\",\"timestamp\":\"2026-11-23T09:00:00Z\",\"properties\":{\"points\":200,\"order_id\":\"o-1002\"}}";

	static final String BATCH = "{\"batch\":[{\"messageId\":\"m-6\",\"type\":\"track\",\"event\":\"Checkout Started\",\"userId\":\"c-1\",\"properties\":{\"value\":49.0,\"currency\":\"USD\"}},{\"messageId\":\"m-7\",\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"c-1\",\"properties\":{\"order_id\":\"o-1001\",\"total\":54.0}}]}";

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, String> single = new LinkedHashMap<>();
		single.put("Identify", IDENTIFY);
		single.put("Signed Up", SIGNED_UP);
		single.put("Product Viewed", PRODUCT_VIEWED);
		single.put("Product Added", PRODUCT_ADDED);
		single.put("Product Removed", PRODUCT_REMOVED);
		single.put("Cart Viewed", CART_VIEWED);
		single.put("Checkout Started", CHECKOUT_STARTED);
		single.put("Order Completed", ORDER_COMPLETED);
		single.put("Order Refunded", ORDER_REFUNDED);
		single.put("Order Cancelled", ORDER_CANCELLED);
		single.put("Email Opened", EMAIL_OPENED);
		single.put("Email Link Clicked", EMAIL_LINK_CLICKED);
		single.put("Site Visited", SITE_VISITED);
		single.put("Review Submitted", REVIEW_SUBMITTED);
		single.put("NPS Submitted", NPS_SUBMITTED);
		single.put("Referral Completed", REFERRAL_COMPLETED);
		single.put("Points Redeemed", POINTS_REDEEMED);
		addExamples(openApi, "/api/v1/events", single);
		addExamples(openApi, "/api/v1/events/batch", Map.of("Checkout then order", BATCH));
	}

	private static void addExamples(OpenAPI openApi, String path, Map<String, String> examples) {
		PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
		if (item == null || item.getPost() == null || item.getPost().getRequestBody() == null) {
			return;
		}
		MediaType json = item.getPost().getRequestBody().getContent().get("application/json");
		examples.forEach((name, value) -> json.addExamples(name, new Example().value(parse(value))));
	}

	private static Object parse(String value) {
		try {
			return JSON.readTree(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
