package dev.encore.engine.intake;

import org.camunda.bpm.engine.RuntimeService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.encore.engine.profile.ProfileStore;
import dev.encore.engine.testsupport.EncoreIntegrationTest;

/** {@link NoHalfAppliedEventContract} with profiles in memory. */
class NoHalfAppliedEventTest extends EncoreIntegrationTest implements NoHalfAppliedEventContract {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProfileStore profiles;

	@Override
	public MockMvc mvc() {
		return this.mvc;
	}

	@Override
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	@Override
	public ProfileStore profiles() {
		return this.profiles;
	}

	@Override
	public RuntimeService runtime() {
		return this.runtime;
	}

}
