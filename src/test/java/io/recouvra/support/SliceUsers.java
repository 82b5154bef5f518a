package io.recouvra.support;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;

/**
 * Engine users for a web slice, on its mocked {@link IdentityService}: each user is a member of the
 * groups it is made with, and the Authorization header it gets is checked by the application's real
 * authentication provider.
 */
public final class SliceUsers {

    private static final String PASSWORD = "slice-secret";

    private final IdentityService identity;
    private final Map<String, GroupQuery> membershipOfUser = new HashMap<>();

    public SliceUsers(IdentityService identity) {
        this.identity = identity;
        GroupQuery query = mock(GroupQuery.class);
        GroupQuery noGroups = membership();
        when(identity.createGroupQuery()).thenReturn(query);
        when(query.groupMember(anyString())).thenAnswer(call -> membershipOfUser.getOrDefault(call.getArgument(0), noGroups));
    }

    /** The Authorization header of a user who is a member of exactly these groups (RecouvraGroups). */
    public String memberOf(String... groups) {
        String user = "user-of-" + String.join("-", groups);
        membershipOfUser.put(user, membership(groups));
        when(identity.checkPassword(user, PASSWORD)).thenReturn(true);
        return basic(user, PASSWORD);
    }

    /** The Authorization header of somebody the engine does not know. */
    public String stranger() {
        return basic("stranger", "guessed");
    }

    private static GroupQuery membership(String... groupIds) {
        List<Group> groups = Arrays.stream(groupIds).map(SliceUsers::group).toList();
        GroupQuery query = mock(GroupQuery.class);
        when(query.list()).thenReturn(groups);
        return query;
    }

    private static Group group(String id) {
        Group group = mock(Group.class);
        when(group.getId()).thenReturn(id);
        return group;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
