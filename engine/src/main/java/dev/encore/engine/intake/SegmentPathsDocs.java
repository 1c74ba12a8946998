package dev.encore.engine.intake;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * One documented path per Segment call ({@code /v1/track}, {@code /v1/identify}, ..., and
 * analytics.js's {@code /v1/t}, {@code /v1/i}, ...) instead of the one {@code /v1/{type}}
 * the controller maps: a storefront developer looks for the path their library posts to.
 */
@Component
class SegmentPathsDocs implements OpenApiCustomizer {

	private static final String MAPPED = "/v1/{type}";

	private static final List<String> CALLS = List.of("track", "identify", "page", "screen", "group", "alias");

	private static final Map<String, String> SHORT = Map.of("track", "t", "identify", "i", "page", "p", "screen", "s",
			"group", "g", "alias", "a");

	@Override
	public void customise(OpenAPI api) {
		Paths paths = api.getPaths();
		PathItem mapped = paths == null ? null : paths.remove(MAPPED);
		if (mapped == null || mapped.getPost() == null) {
			return;
		}
		for (String call : CALLS) {
			paths.addPathItem("/v1/" + call, new PathItem().post(operation(mapped.getPost(), call, call)));
		}
		for (String call : CALLS) {
			String path = SHORT.get(call);
			paths.addPathItem("/v1/" + path, new PathItem()
				.post(operation(mapped.getPost(), call, path).description("analytics.js's name for /v1/" + call)));
		}
	}

	private static Operation operation(Operation mapped, String call, String path) {
		return new Operation().tags(mapped.getTags())
			.summary("Segment " + call + " call")
			.operationId("segment_" + path)
			.parameters(mapped.getParameters() == null ? null
					: mapped.getParameters()
						.stream()
						.filter((parameter) -> !"type".equals(parameter.getName()))
						.toList())
			.requestBody(mapped.getRequestBody())
			.responses(mapped.getResponses())
			.security(mapped.getSecurity());
	}

}
