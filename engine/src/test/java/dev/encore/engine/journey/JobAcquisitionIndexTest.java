package dev.encore.engine.journey;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** On H2 and, in the PostgreSQL run of the suite, on PostgreSQL. */
class JobAcquisitionIndexTest extends EncoreIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theJobTableHasTheLockExpiryIndexOnceCamundaMadeIt() throws Exception {
		List<String> lockExpiryIndexes = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			// H2 keeps unquoted names in upper case, PostgreSQL in lower case.
			for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
				try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
					while (indexes.next()) {
						if ("LOCK_EXP_TIME_".equalsIgnoreCase(indexes.getString("COLUMN_NAME"))) {
							lockExpiryIndexes.add(indexes.getString("INDEX_NAME").toUpperCase());
						}
					}
				}
			}
		}
		assertThat(lockExpiryIndexes).containsExactly(JobAcquisitionIndex.NAME);
	}

}
