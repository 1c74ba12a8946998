package dev.encore.engine.journey.sandbox;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.encore.engine.journey.sandbox.HostileJourneys.Payload;
import dev.encore.engine.testsupport.ShippedJourneyBeans;

import static org.assertj.core.api.Assertions.assertThat;

class CodeScanTest {

	private final CodeScan scan = new CodeScan(new ShippedJourneyBeans());

	private final ExpressionCheck expressions = new ExpressionCheck(new ShippedJourneyBeans());

	static List<Payload> hostile() {
		return HostileJourneys.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostile")
	void everyWayOfCarryingCodeIsFoundAtItsElement(Payload payload) {
		assertThat(this.scan.scan(payload.bytes(), payload.file().endsWith(".dmn")))
			.extracting(CodeScan.Finding::elementId)
			.contains(payload.elementId());
	}

	@ParameterizedTest
	@ValueSource(strings = { "${profile.orderCount > 0 && !profile.sunset}", "${reach.preferred(profile) == 'sms'}",
			"${not empty event.name and !activeJourneys.contains('AbandonedCart')}",
			"${localTime.next(execution, rewardTime)}", "${split.branch(execution, 'a', 0, 50)}",
			"${profile.email.toLowerCase().endsWith('@example.com')}", "${profile['rfm'].segment == 'champions'}",
			"PT1H", "${firstReminderDelay}" })
	void whatJourneysDoPasses(String expression) {
		assertThat(this.expressions.problems(expression)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${''.getClass()}", "${''.class}", "${profile['class']}", "${execution.processEngine}",
			"${execution.getProcessEngineServices()}", "${execution['processEngine']}", "${task.execution}",
			"${localTime.getClass()}", "${split.hashCode()}", "${x.forName('java.lang.Runtime')}",
			"${profile.getClass().getClassLoader()}", "${split[name](execution)}", "${a.b(}" })
	void whatWouldReachFurtherIsNamed(String expression) {
		assertThat(this.expressions.problems(expression)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${encoreSend.execute(execution)}", "${replenishment.prepareReminder(execution)}" })
	void aTaskExpressionMustBeOneJourneyBeanCall(String expression) {
		assertThat(this.expressions.isJourneyBeanCall(expression)).isTrue();
		assertThat(this.expressions.isJourneyBeanCall("${profile.get('x')}")).isFalse();
		assertThat(this.expressions.isJourneyBeanCall("${split.getClass()}")).isFalse();
		assertThat(this.expressions.isJourneyBeanCall("${true}")).isFalse();
	}

}
