package dev.encore.engine.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import dev.encore.engine.event.EventHistory;
import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Events no deployed journey reacts to, and triggers the entry rules refuse from Encore's
 * own entry table, never reach the engine (counted: every engine command the request
 * thread runs); the events a journey does react to still move it, however new the
 * journey, in the order the customer's events came, within a batch too.
 */
@Import(EngineBypassTest.CountedCommands.class)
class EngineBypassTest extends EncoreIntegrationTest {

	private static final String PROBE = "BypassProbe";

	@Autowired
	EventHistory events;

	@Autowired
	CommandCounter commands;

	@AfterEach
	void removeProbes() {
		deleteDeployments(PROBE);
	}

	@Test
	void anEventNoJourneyReactsToNeverReachesTheEngine() throws Exception {
		String customer = newCustomerId();
		// The first visit gives the customer a loyalty tier: Tier Changed, which journeys
		// start on.
		send(TestEvents.track("Site Visited", customer)).andExpect(status().isAccepted());
		TestEvents visit = TestEvents.track("Site Visited", customer);

		assertThat(this.commands.during(() -> send(visit).andExpect(status().isAccepted()))).isZero();
		assertThat(shopEvents(customer)).last().isEqualTo(visit.messageId());
		this.mvc.perform(get("/api/v1/customers/{id}", customer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.engagement.lastVisitAt").value(START.toString()));
	}

	@Test
	void aTriggerRefusedByItsReentryWindowAsksTheEngineNothing() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		assertThat(this.commands.during(() -> send(viewed(customer, "Linen shirt")))).isPositive();
		assertThat(activeJourneys(customer, "BrowseAbandonment")).isOne();

		// BrowseAbandonment: entry.reentry after:P7D, answered by encore_journey_entry.
		assertThat(this.commands.during(() -> send(viewed(customer, "Wool socks")))).isZero();
		assertThat(activeJourneys(customer, "BrowseAbandonment")).isOne();
	}

	@Test
	void aTriggerItsFilterRefusesOnTheEventOrTheProfileAsksTheEngineNothing() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.track("Site Visited", customer)).andExpect(status().isAccepted());
		// The journey's model is read once per version, by whichever event comes first.
		send(TestEvents.track("Product Viewed", newCustomerId())).andExpect(status().isAccepted());

		// BrowseAbandonment's filter: not empty event.name and not empty profile.email
		// and
		// !activeJourneys.contains('AbandonedCart'): the active journeys are read only
		// for a named view of a customer with an address.
		TestEvents unnamed = TestEvents.track("Product Viewed", customer).with("product_id", "p-1");
		assertThat(this.commands.during(() -> send(unnamed).andExpect(status().isAccepted()))).isZero();
		assertThat(this.commands.during(() -> send(viewed(customer, "Linen shirt")))).as("anonymous").isZero();
		assertThat(activeJourneys(customer, "BrowseAbandonment")).isZero();

		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());

		assertThat(this.commands.during(() -> send(viewed(customer, "Linen shirt")))).isPositive();
		assertThat(activeJourneys(customer, "BrowseAbandonment")).isOne();
	}

	@Test
	void aJourneyWaitingOnANewEventNameGetsTheNextSuchEvent() throws Exception {
		String customer = newCustomerId();
		assertThat(this.commands.during(() -> send(TestEvents.track("Probe Answered", customer)))).isZero();

		deploy(Bpmn.createExecutableProcess(PROBE)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.signal("Probe Started")
			.receiveTask("WaitForAnswer")
			.message("Probe Answered")
			.endEvent()
			.done());
		send(TestEvents.track("Probe Started", customer)).andExpect(status().isAccepted());
		assertThat(activeJourneys(customer, PROBE)).isOne();

		send(TestEvents.track("Probe Answered", customer)).andExpect(status().isAccepted());
		assertThat(activeJourneys(customer, PROBE)).isZero();
		assertThat(this.history.createHistoricActivityInstanceQuery().activityId("WaitForAnswer").finished().count())
			.isOne();
	}

	@Test
	void aBatchKeepsEachCustomersOrderAcrossBothPaths() throws Exception {
		deploy(Bpmn.createExecutableProcess(PROBE)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.signal("Probe Gate")
			.receiveTask()
			.message("Never Sent")
			.endEvent()
			.done(), "${profile.firstName == 'Ada'}");
		String named = newCustomerId();
		String late = newCustomerId();
		List<TestEvents> first = List.of(TestEvents.identify(named, named + "@example.com", "Ada"),
				TestEvents.track("Site Visited", named), TestEvents.track("Probe Gate", named),
				TestEvents.track("Site Visited", named));
		List<TestEvents> second = List.of(TestEvents.track("Probe Gate", late),
				TestEvents.identify(late, late + "@example.com", "Ada"));
		List<TestEvents> batch = new ArrayList<>();
		// Interleaved: one batch, two customers, each in their own order.
		batch.add(first.get(0));
		batch.add(second.get(0));
		batch.addAll(first.subList(1, first.size()));
		batch.add(second.get(1));

		sendBatch(batch).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[*].status").value(everyItem(equalTo("accepted"))));

		assertThat(activeJourneys(named, PROBE)).as("identified as Ada before the gate").isOne();
		assertThat(activeJourneys(late, PROBE)).as("the gate came before the name").isZero();
		assertThat(shopEvents(named)).containsExactlyElementsOf(first.stream().map(TestEvents::messageId).toList());

		sendBatch(batch).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[*].status").value(everyItem(equalTo("duplicate"))));
		assertThat(shopEvents(named)).hasSize(first.size());
		assertThat(activeJourneys(named, PROBE)).isOne();
	}

	@Test
	void oneEventFailingInABatchFailsAloneAndItsNeighboursApply() throws Exception {
		// Starting it fails every time: its timer's duration names no variable.
		deploy(Bpmn.createExecutableProcess(PROBE)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.signal("Probe Broken")
			.intermediateCatchEvent()
			.timerWithDuration("${noSuchSetting}")
			.endEvent()
			.done());
		String before = newCustomerId();
		String broken = newCustomerId();
		String after = newCustomerId();
		TestEvents visit = TestEvents.track("Site Visited", before);
		TestEvents again = TestEvents.track("Site Visited", before);
		List<TestEvents> batch = List.of(visit, TestEvents.track("Probe Broken", broken),
				TestEvents.checkoutStarted(after), TestEvents.track("Site Visited", after),
				TestEvents.track("Site Visited", before).messageId(visit.messageId()), again);

		sendBatch(batch).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.results[0].status").value("accepted"))
			.andExpect(jsonPath("$.results[1].status").value("failed"))
			.andExpect(jsonPath("$.results[2].status").value("accepted"))
			.andExpect(jsonPath("$.results[3].status").value("accepted"))
			.andExpect(jsonPath("$.results[4].status").value("duplicate"))
			.andExpect(jsonPath("$.results[5].status").value("accepted"));

		assertThat(this.events.forCustomer(broken)).isEmpty();
		assertThat(shopEvents(before)).hasSize(2);
		assertThat(shopEvents(after)).hasSize(2);
		assertThat(activeJourneys(after, "AbandonedCart")).isOne();
	}

	/** The customer's events as the shop sent them, in order (Encore's own left out). */
	private List<String> shopEvents(String customer) {
		return this.events.forCustomer(customer)
			.stream()
			.filter((event) -> !"encore".equals(event.source()))
			.map(EventHistory.RecordedEvent::messageId)
			.toList();
	}

	private static TestEvents viewed(String customer, String product) {
		return TestEvents.track("Product Viewed", customer).with("product_id", "p-1").with("name", product);
	}

	/**
	 * Reads what the journeys react to again after other tests' deploys: once per deploy,
	 * not per event.
	 */
	@BeforeEach
	void reactionsKnown() throws Exception {
		send(TestEvents.track("Site Visited", newCustomerId())).andExpect(status().isAccepted());
	}

	private void deploy(BpmnModelInstance probe) {
		this.repository.createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", probe).deploy();
	}

	private void deploy(BpmnModelInstance probe, String entryFilter) {
		Process process = probe.getModelElementById(PROBE);
		CamundaProperties properties = probe.newInstance(CamundaProperties.class);
		CamundaProperty filter = probe.newInstance(CamundaProperty.class);
		filter.setCamundaName("entry.filter");
		filter.setCamundaValue(entryFilter);
		properties.addChildElement(filter);
		process.builder().addExtensionElement(properties);
		deploy(probe);
	}

	private ResultActions sendBatch(List<TestEvents> items) throws Exception {
		return this.mvc.perform(post("/api/v1/events/batch").contentType(MediaType.APPLICATION_JSON)
			.content("{\"batch\":[" + String.join(",", items.stream().map(TestEvents::json).toList()) + "]}"));
	}

	/**
	 * Counts the engine commands run on the calling thread while it records (rule tables
	 * included: they are evaluated in memory, without one).
	 */
	static class CommandCounter extends AbstractProcessEnginePlugin {

		private final ThreadLocal<AtomicInteger> counting = new ThreadLocal<>();

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			List<CommandInterceptor> interceptors = new ArrayList<>();
			if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
				interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
			}
			interceptors.add(new CommandInterceptor() {
				@Override
				public <T> T execute(Command<T> command) {
					AtomicInteger count = CommandCounter.this.counting.get();
					if (count != null) {
						count.incrementAndGet();
					}
					return this.next.execute(command);
				}
			});
			configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		}

		int during(Work work) throws Exception {
			AtomicInteger count = new AtomicInteger();
			this.counting.set(count);
			try {
				work.run();
			}
			finally {
				this.counting.remove();
			}
			return count.get();
		}

		interface Work {

			void run() throws Exception;

		}

	}

	@TestConfiguration
	static class CountedCommands {

		@Bean
		CommandCounter commandCounter() {
			return new CommandCounter();
		}

	}

}
