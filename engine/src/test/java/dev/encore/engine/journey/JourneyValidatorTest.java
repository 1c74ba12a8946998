package dev.encore.engine.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

import dev.encore.engine.correlation.EntryRuleCheck;
import dev.encore.engine.journey.sandbox.CodeScan;
import dev.encore.engine.testsupport.ChannelFixtures;
import dev.encore.engine.testsupport.ShippedJourneyBeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class JourneyValidatorTest {

	private final JourneyValidator validator = validator();

	private static JourneyValidator validator() {
		DeployProperties deploy = new DeployProperties("token", null, List.of());
		JourneyProperties journeys = new JourneyProperties("classpath*:journeys/", 1, Map.of());
		return new JourneyValidator(new KnownEvents(deploy), new TemplateCatalog(new DefaultResourceLoader(), journeys),
				deploy, new CodeScan(new ShippedJourneyBeans()), ChannelFixtures.shipped(),
				List.of(new EntryRuleCheck()), new JourneySettings(null, journeys));
	}

	@Test
	void theShippedJourneysAreValid() throws IOException {
		Map<String, byte[]> shipped = new TreeMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("..", "journeys"), "*.{bpmn,dmn}")) {
			for (Path file : files) {
				shipped.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		assertThat(shipped).containsKeys("abandoned-cart.bpmn", "welcome-series.bpmn", "rfm-segment.dmn");
		assertThat(this.validator.validate(shipped)).isEmpty();
	}

	@Test
	void aChannelChosenByAnExpressionNeedsTheTemplateInSomeChannel() throws IOException {
		byte[] probe = read("journeys/guardrail-probe.bpmn");
		assertThat(this.validator.validate(Map.of("guardrail-probe.bpmn", probe)))
			.noneMatch((problem) -> problem.message().startsWith("template"));

		byte[] missing = new String(probe, StandardCharsets.UTF_8).replace(">cart-reminder<", ">no-such-template<")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.validator.validate(Map.of("guardrail-probe.bpmn", missing))).extracting(JourneyProblem::message)
			.filteredOn((message) -> message.startsWith("template"))
			.containsExactlyInAnyOrder("template 'no-such-template' has no ${probeChannel} version for locale en",
					"template 'no-such-template' has no ${probeChannel} version for locale zh-TW");
	}

	@Test
	void everyMistakeIsReportedWithItsElement() throws IOException {
		List<JourneyProblem> problems = this.validator
			.validate(Map.of("broken-journey.bpmn", read("deploy/broken-journey.bpmn")));
		assertThat(problems).extracting(JourneyProblem::elementId, (problem) -> problem.message().split(" ")[0])
			.containsExactlyInAnyOrder(tuple("BrokenJourney", "historyTimeToLive"),
					tuple("BrokenJourney", "entry.reentry"), tuple("BrokenJourney", "'Purchase"),
					tuple("BrokenJourney", "holdout.percent"), tuple("BrokenJourney", "setting.reminderDelay:"),
					tuple("ScriptTaskCompute", "script"), tuple("FlowToSend", "inline"),
					tuple("MessageOrderComplete", "'Order"), tuple("SendTaskMissingTemplate", "template"),
					tuple("SendTaskMissingTemplate", "template"), tuple("TimerWaitUnknownSetting", "waits"),
					tuple("TimerWaitOneHourInWords", "'1"));
		assertThat(problems).filteredOn((problem) -> problem.elementId().equals("SendTaskMissingTemplate"))
			.extracting(JourneyProblem::message)
			.containsExactlyInAnyOrder("template 'no-such-template' has no email version for locale en",
					"template 'no-such-template' has no email version for locale zh-TW");
	}

	@Test
	void aBadDelaySettingIsNamedAtEachTimerThatWaitsForIt() throws IOException {
		byte[] cart = new String(read("journeys/abandoned-cart.bpmn"), StandardCharsets.UTF_8)
			.replace("name=\"setting.secondReminderDelay\" value=\"PT23H\"",
					"name=\"setting.secondReminderDelay\" value=\"tomorrow\"")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.validator.validate(Map.of("abandoned-cart.bpmn", cart)))
			.extracting(JourneyProblem::elementId, JourneyProblem::setting, JourneyProblem::message)
			.containsExactlyInAnyOrder(
					tuple("TimerWaitSecondReminderDelay", "setting.secondReminderDelay",
							"setting.secondReminderDelay: 'tomorrow' is not an ISO-8601 duration such as PT1H or P3D"),
					tuple("TimerWaitHoldoutSecondReminderDelay", "setting.secondReminderDelay",
							"setting.secondReminderDelay: 'tomorrow' is not an ISO-8601 duration such as PT1H or P3D"));
	}

	@Test
	void aBadDateOrTemplateSettingIsNamedAtItsElement() {
		String journey = """
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="https://encore.dev">
				  <bpmn:process id="SettingsProbe" isExecutable="true" camunda:historyTimeToLive="1">
				    <bpmn:extensionElements><camunda:properties>
				      <camunda:property name="setting.saleStarts" value="next tuesday" />
				      <camunda:property name="setting.offerTemplate" value="no-such-template" />
				    </camunda:properties></bpmn:extensionElements>
				    <bpmn:intermediateCatchEvent id="TimerWaitSaleStarts">
				      <bpmn:timerEventDefinition><bpmn:timeDate>${saleStarts}</bpmn:timeDate></bpmn:timerEventDefinition>
				    </bpmn:intermediateCatchEvent>
				    <bpmn:sendTask id="SendTaskOffer" camunda:delegateExpression="${encoreSend}">
				      <bpmn:extensionElements><camunda:inputOutput>
				        <camunda:inputParameter name="channel">email</camunda:inputParameter>
				        <camunda:inputParameter name="templateId">${offerTemplate}</camunda:inputParameter>
				      </camunda:inputOutput></bpmn:extensionElements>
				    </bpmn:sendTask>
				  </bpmn:process>
				</bpmn:definitions>""";

		assertThat(this.validator.validate(Map.of("settings-probe.bpmn", journey.getBytes(StandardCharsets.UTF_8))))
			.extracting(JourneyProblem::elementId, JourneyProblem::setting, JourneyProblem::message)
			.containsExactlyInAnyOrder(tuple("TimerWaitSaleStarts", "setting.saleStarts",
					"setting.saleStarts: 'next tuesday' is not an ISO-8601 date-time such as 2025-12-24T09:00:00+08:00"),
					tuple("SendTaskOffer", "setting.offerTemplate",
							"setting.offerTemplate: template 'no-such-template' has no email version for locale en"),
					tuple("SendTaskOffer", "setting.offerTemplate",
							"setting.offerTemplate: template 'no-such-template' has no email version for locale zh-TW"));
	}

	@Test
	void settingsTooLongForTheOneVariableACustomerEntersWithAreRefusedNamingIt() throws IOException {
		String cart = Files.readString(Path.of("..", "journeys", "abandoned-cart.bpmn"));
		String note = "<camunda:property name=\"setting.legalNotice\" value=\"%s\" />";
		String fits = cart.replace("<camunda:properties>", "<camunda:properties>" + note.formatted("x".repeat(3800)));
		String tooLong = cart.replace("<camunda:properties>",
				"<camunda:properties>" + note.formatted("x".repeat(4000)));

		assertThat(this.validator.validate(Map.of("abandoned-cart.bpmn", fits.getBytes(StandardCharsets.UTF_8))))
			.isEmpty();
		assertThat(this.validator.validate(Map.of("abandoned-cart.bpmn", tooLong.getBytes(StandardCharsets.UTF_8))))
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.elementId()).isEqualTo("AbandonedCart");
				assertThat(problem.message()).contains("journeySettings").contains("more than 4000");
			});
	}

	@Test
	void unreadableFilesAndDecisionsWithoutRetentionAreRejected() {
		assertThat(this.validator.validate(Map.of("journey.bpmn", "<not-bpmn".getBytes(StandardCharsets.UTF_8))))
			.singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith("not a valid BPMN file"));
		String dmn = """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Segments" name="Segments"
				    namespace="https://encore.dev">
				  <decision id="Segment" name="Segment"><literalExpression><text>"vip"</text></literalExpression></decision>
				</definitions>""";
		assertThat(this.validator.validate(Map.of("segments.dmn", dmn.getBytes(StandardCharsets.UTF_8))))
			.singleElement()
			.satisfies((problem) -> assertThat(problem.elementId()).isEqualTo("Segment"));
		assertThat(this.validator.validate(Map.of("notes.txt", new byte[0]))).hasSize(1);
	}

	private static byte[] read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
