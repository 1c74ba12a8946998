package dev.encore.engine.intake;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loads history without side effects (ADMIN): past events as JSON lines, or a shop's
 * order export as CSV. Answers 202 with where to follow the import's progress.
 */
@RestController
@Tag(name = "Imports")
class ImportController {

	static final String JSON_LINES = "application/x-ndjson";

	static final String CSV = "text/csv";

	private final HistoryImports imports;

	ImportController(HistoryImports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Import history",
			description = "JSON lines (application/x-ndjson, one event per line as for POST /api/v1/events, messageId "
					+ "required) or an order export (text/csv: order_id, user_id, total, currency, timestamp; "
					+ "optional discount, coupon). Profiles, loyalty and event history are updated; no journey "
					+ "starts or moves and nothing is sent. Running it again applies only what is missing.")
	@PostMapping(path = "/api/v1/imports", consumes = { JSON_LINES, CSV })
	ResponseEntity<ImportView> start(HttpServletRequest request, Principal who) throws IOException {
		HistoryImports.Format format = request.getContentType().toLowerCase().startsWith(CSV)
				? HistoryImports.Format.ORDERS_CSV : HistoryImports.Format.JSON_LINES;
		HistoryImports.Progress progress = this.imports.start(request.getInputStream(), format,
				(who == null) ? "unknown" : who.getName());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/imports/" + progress.id))
			.body(ImportView.of(progress));
	}

	@Operation(summary = "An import's progress")
	@GetMapping("/api/v1/imports/{id}")
	ImportView progress(@PathVariable String id) {
		return this.imports.find(id).map(ImportView::of).orElseThrow(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No import with id " + id);
			problem.setTitle("Unknown import");
			return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		});
	}

	@Operation(summary = "Imports since this node started, newest first")
	@GetMapping("/api/v1/imports")
	List<ImportView> all() {
		return this.imports.all().stream().map(ImportView::of).toList();
	}

	/** An import as the API shows it. */
	record ImportView(String id, String format, String status, String startedBy, Instant startedAt, Instant finishedAt,
			long lines, long applied, long duplicates, long rejected, long failed, String stoppedBecause,
			List<HistoryImports.Problem> problems) {

		static ImportView of(HistoryImports.Progress progress) {
			return new ImportView(progress.id, progress.format.name().toLowerCase(),
					progress.status.name().toLowerCase(), progress.startedBy, progress.startedAt, progress.finishedAt,
					progress.lines, progress.applied, progress.duplicates, progress.rejected, progress.failed,
					progress.stoppedBecause, List.copyOf(progress.problems));
		}

	}

}
