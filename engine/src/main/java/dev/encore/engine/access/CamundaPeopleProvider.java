package dev.encore.engine.access;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Camunda's identity service reading Encore's people. Being read-only, it also tells
 * Camunda's webapps that nobody is to be created: no "create initial user" page, and
 * Camunda Admin shows users and groups without editing them.
 */
final class CamundaPeopleProvider implements ReadOnlyIdentityProvider {

	private final CamundaPeople people;

	CamundaPeopleProvider(CamundaPeople people) {
		this.people = people;
	}

	@Override
	public User findUserById(String userId) {
		return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
	}

	@Override
	public UserQuery createUserQuery() {
		return new PeopleUserQuery(this.people, executor());
	}

	@Override
	public UserQuery createUserQuery(CommandContext context) {
		return new PeopleUserQuery(this.people, null);
	}

	@Override
	public NativeUserQuery createNativeUserQuery() {
		throw new BadUserRequestException("Encore's users are configured (encore.access.users), not in a database");
	}

	/** Encore's login is the only way in; Camunda's own login form admits nobody. */
	@Override
	public boolean checkPassword(String userId, String password) {
		return false;
	}

	@Override
	public Group findGroupById(String groupId) {
		return createGroupQuery(Context.getCommandContext()).groupId(groupId).singleResult();
	}

	@Override
	public GroupQuery createGroupQuery() {
		return new PeopleGroupQuery(this.people, executor());
	}

	@Override
	public GroupQuery createGroupQuery(CommandContext context) {
		return new PeopleGroupQuery(this.people, null);
	}

	@Override
	public Tenant findTenantById(String tenantId) {
		return null;
	}

	@Override
	public TenantQuery createTenantQuery() {
		return new NoTenantQuery(executor());
	}

	@Override
	public TenantQuery createTenantQuery(CommandContext context) {
		return new NoTenantQuery(null);
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

	private static CommandExecutor executor() {
		return Context.getProcessEngineConfiguration().getCommandExecutorTxRequired();
	}

}
