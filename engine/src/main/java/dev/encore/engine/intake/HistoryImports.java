package dev.encore.engine.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.InvalidEventException;

/**
 * Loads a shop's history (events as JSON lines, or an order export as CSV) without side
 * effects: profiles, aggregates and event history are updated, no journey starts or moves
 * and nothing is sent ({@link EventProcessor#importEach}). The upload is kept in a file
 * and applied in the background, in batches, one import at a time; its progress is
 * polled. Applied lines are recognised by their message ids: running an import again
 * (after an outage stopped it) applies only what is missing.
 */
@Component
class HistoryImports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);

	/** Problems kept per import: enough to fix a file, never the whole file again. */
	static final int MAX_PROBLEMS = 50;

	private final EventProcessor processor;

	private final EventRules rules;

	private final IntakeProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "encore-import");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Progress> imports = new ConcurrentHashMap<>();

	HistoryImports(EventProcessor processor, EventRules rules, IntakeProperties properties, ObjectMapper json,
			Clock clock) {
		this.processor = processor;
		this.rules = rules;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	enum Format {

		JSON_LINES, ORDERS_CSV

	}

	/** Keeps the upload and queues it; the progress so far (none yet). */
	Progress start(InputStream body, Format format, String startedBy) throws IOException {
		Path file = Files.createTempFile("encore-import-", ".txt");
		try (InputStream in = body) {
			Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		Progress progress = new Progress(UUID.randomUUID().toString(), format, startedBy, this.clock.instant());
		this.imports.put(progress.id, progress);
		this.worker.execute(() -> run(progress, file));
		log.info("Import {} of {} queued by {}", progress.id, format, startedBy);
		return progress;
	}

	Optional<Progress> find(String id) {
		return Optional.ofNullable(this.imports.get(id));
	}

	List<Progress> all() {
		return this.imports.values().stream().sorted((a, b) -> b.startedAt.compareTo(a.startedAt)).toList();
	}

	private void run(Progress progress, Path file) {
		progress.status = Status.RUNNING;
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			OrderCsv csv = null;
			List<CustomerEvent> batch = new ArrayList<>();
			List<Long> batchLines = new ArrayList<>();
			String line;
			long number = 0;
			while ((line = lines.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				if (progress.format == Format.ORDERS_CSV && csv == null) {
					csv = new OrderCsv(line);
					continue;
				}
				progress.lines++;
				try {
					batch.add(this.rules.fromJson(node(progress.format, csv, line), "import"));
					batchLines.add(number);
				}
				catch (InvalidEventException ex) {
					progress.rejected(number, ex.field(), ex.getMessage());
				}
				if (batch.size() >= this.properties.maxBatchItems()) {
					apply(progress, batch, batchLines);
				}
			}
			apply(progress, batch, batchLines);
			progress.finish(Status.DONE, null, this.clock.instant());
			log.info("Import {} done: {} lines, {} applied, {} duplicates, {} rejected, {} failed", progress.id,
					progress.lines, progress.applied, progress.duplicates, progress.rejected, progress.failed);
		}
		catch (InvalidEventException ex) {
			progress.finish(Status.FAILED, ex.field() + " " + ex.getMessage(), this.clock.instant());
		}
		catch (IOException | RuntimeException ex) {
			// An outage: what was applied stays applied; running the import again applies
			// the rest.
			progress.finish(Status.FAILED, "stopped: " + ex.getMessage() + "; run the import again to apply the rest",
					this.clock.instant());
			log.warn("Import {} stopped after {} lines", progress.id, progress.lines, ex);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Import {} left its upload at {}", progress.id, file);
			}
		}
	}

	private JsonNode node(Format format, OrderCsv csv, String line) {
		if (format == Format.ORDERS_CSV) {
			return csv.event(line);
		}
		try {
			return this.json.readTree(line);
		}
		catch (IOException ex) {
			throw new InvalidEventException("line", "is not valid JSON");
		}
	}

	private void apply(Progress progress, List<CustomerEvent> batch, List<Long> lines) {
		if (batch.isEmpty()) {
			return;
		}
		List<EventProcessor.Result> results = this.processor.importEach(batch);
		for (int i = 0; i < results.size(); i++) {
			EventProcessor.Result result = results.get(i);
			if (result.failure() != null) {
				progress.failed(lines.get(i), result.failure().getMessage());
			}
			else if (result.outcome() == EventSink.Outcome.DUPLICATE) {
				progress.duplicates++;
			}
			else {
				progress.applied++;
			}
		}
		batch.clear();
		lines.clear();
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	enum Status {

		QUEUED, RUNNING, DONE, FAILED

	}

	/** One import as it goes; read by the progress API while the worker writes it. */
	static final class Progress {

		final String id;

		final Format format;

		final String startedBy;

		final Instant startedAt;

		volatile Status status = Status.QUEUED;

		volatile long lines;

		volatile long applied;

		volatile long duplicates;

		volatile long rejected;

		volatile long failed;

		volatile Instant finishedAt;

		volatile String stoppedBecause;

		final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

		Progress(String id, Format format, String startedBy, Instant startedAt) {
			this.id = id;
			this.format = format;
			this.startedBy = startedBy;
			this.startedAt = startedAt;
		}

		void rejected(long line, String field, String reason) {
			this.rejected++;
			problem(new Problem(line, field, reason));
		}

		void failed(long line, String reason) {
			this.failed++;
			problem(new Problem(line, null, reason));
		}

		private void problem(Problem problem) {
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(problem);
			}
		}

		void finish(Status end, String because, Instant at) {
			this.stoppedBecause = because;
			this.finishedAt = at;
			this.status = end;
		}

	}

	/** A line not applied: its number in the file, the field at fault if known, why. */
	record Problem(long line, String field, String reason) {
	}

}
