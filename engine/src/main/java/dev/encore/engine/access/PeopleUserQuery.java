package dev.encore.engine.access;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's user query answered from {@link CamundaPeople}; ordered by id. */
final class PeopleUserQuery extends UserQueryImpl {

	private final transient CamundaPeople people;

	PeopleUserQuery(CamundaPeople people, CommandExecutor executor) {
		super(executor);
		this.people = people;
	}

	@Override
	public long executeCount(CommandContext context) {
		return matching().size();
	}

	@Override
	public List<User> executeList(CommandContext context, Page page) {
		return PeopleGroupQuery.page(matching(), page);
	}

	private List<User> matching() {
		// Tenants and start permissions are not Encore's: nobody is in one.
		if (this.tenantId != null || this.procDefId != null) {
			return List.of();
		}
		return this.people.users()
			.stream()
			.filter((user) -> this.id == null || this.id.equals(user.getId()))
			.filter((user) -> this.ids == null || Arrays.asList(this.ids).contains(user.getId()))
			.filter((user) -> this.groupId == null || this.people.groupsOf(user.getId()).contains(this.groupId))
			.filter((user) -> matches(this.firstName, this.firstNameLike, user, User::getFirstName))
			.filter((user) -> matches(this.lastName, this.lastNameLike, user, User::getLastName))
			.filter((user) -> matches(this.email, this.emailLike, user, User::getEmail))
			.toList();
	}

	private static boolean matches(String equal, String like, User user, Function<User, String> field) {
		String value = field.apply(user);
		return (equal == null || Objects.equals(equal, value)) && (like == null || CamundaPeople.like(like, value));
	}

}
