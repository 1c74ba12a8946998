package dev.encore.engine.access;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's group query answered from {@link CamundaPeople}: one group per role. */
final class PeopleGroupQuery extends GroupQueryImpl {

	private final transient CamundaPeople people;

	PeopleGroupQuery(CamundaPeople people, CommandExecutor executor) {
		super(executor);
		this.people = people;
	}

	@Override
	public long executeCount(CommandContext context) {
		return matching().size();
	}

	@Override
	public List<Group> executeList(CommandContext context, Page page) {
		return page(matching(), page);
	}

	private List<Group> matching() {
		if (this.tenantId != null || this.procDefId != null) {
			return List.of();
		}
		return this.people.groups()
			.stream()
			.filter((group) -> this.id == null || this.id.equals(group.getId()))
			.filter((group) -> this.ids == null || Arrays.asList(this.ids).contains(group.getId()))
			.filter((group) -> this.name == null || this.name.equals(group.getName()))
			.filter((group) -> this.nameLike == null || CamundaPeople.like(this.nameLike, group.getName()))
			.filter((group) -> this.type == null || this.type.equals(group.getType()))
			.filter((group) -> this.userId == null || this.people.groupsOf(this.userId).contains(group.getId()))
			.toList();
	}

	static <T> List<T> page(List<T> all, Page page) {
		if (page == null) {
			return all;
		}
		int from = Math.min(page.getFirstResult(), all.size());
		int to = (int) Math.min((long) from + page.getMaxResults(), all.size());
		return all.subList(from, to);
	}

}
