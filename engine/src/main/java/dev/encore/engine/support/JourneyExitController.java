package dev.encore.engine.support;

import java.security.Principal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.encore.engine.store.AuditTrail;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support takes a customer out of a journey: the instance ends at once (its timers and
 * pending sends go with it), and the audit keeps who did it, when and why.
 */
@RestController
@Tag(name = "Support")
class JourneyExitController {

	private static final Logger log = LoggerFactory.getLogger(JourneyExitController.class);

	static final String EXITED_BY_HAND = "exited by hand";

	private final RuntimeService runtime;

	private final AuditTrail audit;

	JourneyExitController(RuntimeService runtime, AuditTrail audit) {
		this.runtime = runtime;
		this.audit = audit;
	}

	record ExitRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	@PostMapping("/api/v1/customers/{customerId}/journeys/{processInstanceId}/exit")
	@Transactional
	ResponseEntity<?> exit(@PathVariable String customerId, @PathVariable String processInstanceId,
			@Valid @RequestBody ExitRequest request, Principal who) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.processInstanceBusinessKey(customerId)
			.singleResult();
		if (instance == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"Customer " + customerId + " has no active journey " + processInstanceId));
		}
		this.runtime.deleteProcessInstance(processInstanceId, EXITED_BY_HAND, false, true);
		this.audit.record(who.getName(), "exit-journey", customerId, processInstanceId, request.reason().strip());
		log.info("Journey instance {} of customer={} exited by {}", processInstanceId, customerId, who.getName());
		return ResponseEntity.noContent().build();
	}

}
