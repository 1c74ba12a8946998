package dev.encore.engine.access;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import dev.encore.engine.access.AccessProperties.Role;

/**
 * Encore's logins as Camunda's users, and their roles as its groups: ADMIN is Camunda's
 * {@code camunda-admin}, the others keep their name. Read-only: people are configured in
 * {@code encore.access.users}.
 */
final class CamundaPeople {

	/** The try-out's one login (see {@code AccessConfiguration.users}). */
	static final String TRY_OUT_ADMIN = "admin";

	private final Map<String, Set<Role>> rolesByName;

	CamundaPeople(AccessProperties access) {
		Map<String, Set<Role>> roles = new LinkedHashMap<>();
		access.users().forEach((user) -> roles.put(user.name(), Set.copyOf(user.roles())));
		if (roles.isEmpty() && access.tryOut()) {
			roles.put(TRY_OUT_ADMIN, EnumSet.allOf(Role.class));
		}
		this.rolesByName = Map.copyOf(roles);
	}

	/** The group a role is in Camunda. */
	static String groupOf(Role role) {
		return role == Role.ADMIN ? Groups.CAMUNDA_ADMIN : role.name().toLowerCase(Locale.ROOT);
	}

	/** The group a Spring Security authority ({@code ROLE_ADMIN}) is in Camunda. */
	static String groupOf(String authority) {
		String role = authority.replaceFirst("^ROLE_", "");
		return Arrays.stream(Role.values())
			.filter((known) -> known.name().equals(role))
			.map(CamundaPeople::groupOf)
			.findFirst()
			.orElse(role.toLowerCase(Locale.ROOT));
	}

	List<User> users() {
		return this.rolesByName.keySet().stream().sorted().map(CamundaPeople::user).toList();
	}

	Set<String> groupsOf(String name) {
		return this.rolesByName.getOrDefault(name, Set.of())
			.stream()
			.map(CamundaPeople::groupOf)
			.collect(Collectors.toSet());
	}

	List<Group> groups() {
		return Arrays.stream(Role.values())
			.map(CamundaPeople::group)
			.sorted(Comparator.comparing(Group::getId))
			.toList();
	}

	/** The person is known by their login name, which is what Cockpit shows. */
	private static User user(String name) {
		UserEntity user = new UserEntity(name);
		user.setFirstName(name);
		user.setLastName("");
		return user;
	}

	private static Group group(Role role) {
		GroupEntity group = new GroupEntity(groupOf(role));
		group.setName("Encore " + role.name().toLowerCase(Locale.ROOT));
		group.setType(role == Role.ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
		return group;
	}

	/** SQL's LIKE, as Camunda's queries take it ({@code %} for any text). */
	static boolean like(String pattern, String value) {
		if (value == null) {
			return false;
		}
		String regex = Arrays.stream(pattern.split("%", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
	}

}
