package dev.encore.engine.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LazyProfileDataTest {

	private final AtomicInteger scorings = new AtomicInteger();

	private final AtomicInteger ledgerReads = new AtomicInteger();

	private final LazyProfileData data = new LazyProfileData(Map.of("orderCount", 2), Map.of("rfm", () -> {
		this.scorings.incrementAndGet();
		return Map.of("segment", "loyal");
	}, "loyalty", () -> {
		this.ledgerReads.incrementAndGet();
		return Map.of("tier", "gold");
	}));

	@Test
	void computesEachSectionOnlyWhenReadAndThenOnce() {
		assertThat(this.data.get("orderCount")).isEqualTo(2);
		assertThat(this.data.containsKey("rfm")).isTrue();
		assertThat(this.data.containsKey("loyalty")).isTrue();
		assertThat(this.scorings).hasValue(0);

		assertThat(this.data.get("rfm")).isEqualTo(Map.of("segment", "loyal"));
		assertThat(this.data.get("rfm")).isEqualTo(Map.of("segment", "loyal"));
		assertThat(this.scorings).hasValue(1);
		assertThat(this.ledgerReads).hasValue(0);

		assertThat(this.data).containsEntry("rfm", Map.of("segment", "loyal"))
			.containsEntry("loyalty", Map.of("tier", "gold"))
			.containsEntry("orderCount", 2);
		assertThat(this.scorings).hasValue(1);
		assertThat(this.ledgerReads).hasValue(1);
	}

	@Test
	void isWrittenAsThePlainMapItStandsFor() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(this.data);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertThat(in.readObject()).isEqualTo(
					Map.of("orderCount", 2, "rfm", Map.of("segment", "loyal"), "loyalty", Map.of("tier", "gold")));
		}
	}

}
