package dev.encore.engine.profile;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BirthdayTest {

	@Test
	void readsAFullDateOrADayWithoutTheYearAndShowsItAsGiven() {
		assertThat(Birthday.parse("1990-12-05")).isEqualTo(new Birthday(MonthDay.of(12, 5), 1990))
			.hasToString("1990-12-05");
		assertThat(Birthday.parse("12-05")).isEqualTo(new Birthday(MonthDay.of(12, 5), null)).hasToString("12-05");
		assertThat(Birthday.parse(" --02-29 ")).isEqualTo(new Birthday(MonthDay.of(2, 29), null));
	}

	@Test
	void somethingThatIsNoDayOfTheYearIsNoBirthday() {
		assertThat(Birthday.parse("28/02/1990")).isNull();
		assertThat(Birthday.parse("13-05")).isNull();
		assertThat(Birthday.parse("02-30")).isNull();
		assertThat(Birthday.parse("1990-02-29")).isNull();
		assertThat(Birthday.parse("soon")).isNull();
	}

	@Test
	void aLeapDayBirthdayIsCelebratedOnFebruaryTwentyEighthOutsideLeapYears() {
		Birthday leapDay = Birthday.parse("2000-02-29");
		assertThat(leapDay.celebratedOn(LocalDate.of(2027, 2, 28))).isTrue();
		assertThat(leapDay.celebratedOn(LocalDate.of(2028, 2, 28))).isFalse();
		assertThat(leapDay.celebratedOn(LocalDate.of(2028, 2, 29))).isTrue();
		assertThat(leapDay.celebratedOn(LocalDate.of(2027, 3, 1))).isFalse();
		assertThat(Birthday.parse("02-28").celebratedOn(LocalDate.of(2028, 2, 28))).isTrue();
	}

}
