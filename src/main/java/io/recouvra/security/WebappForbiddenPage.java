package io.recouvra.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a signed-in user gets when she opens Cockpit or Admin without the right to: the webapps' security
 * filter answers 403 with no body, which Spring Boot would show as its Whitelabel page. This one says, in
 * French or English as the browser asks, which groups may open the application, read from the engine's
 * authorizations (so it stays true when an admin grants another group), and leads back to Tasklist.
 */
@Component
class WebappForbiddenPage implements ErrorViewResolver {

    /** {@code /camunda/app/cockpit/default/...}: the application and the engine the webapps' filter checked. */
    private static final Pattern APP_PATH = Pattern.compile("^.*/app/(cockpit|admin)/([^/]+)/.*$");

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    WebappForbiddenPage(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Matcher app = status == HttpStatus.FORBIDDEN && model.get("path") instanceof String path ? APP_PATH.matcher(path) : null;
        if (app == null || !app.matches()) {
            return null;
        }
        boolean french = "fr".equals(request.getLocale().getLanguage());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("french", french);
        page.put("lang", french ? "fr" : "en");
        page.put("webapp", app.group(1).equals("cockpit") ? "Cockpit" : "Admin");
        page.put("user", signedIn(request.getSession(false), app.group(2)));
        page.put("groups", groupsAllowed(app.group(1)));
        page.put("tasklist", request.getContextPath() + "/camunda/app/tasklist/");
        return new ModelAndView("webapps/forbidden", page, HttpStatus.FORBIDDEN);
    }

    /** "Managers (managers)", for each group granted ACCESS to the application (or to every application). */
    List<String> groupsAllowed(String application) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.APPLICATION).authorizationType(AUTH_TYPE_GRANT)
                .list().stream()
                .filter(grant -> grant.getGroupId() != null)
                .filter(grant -> application.equals(grant.getResourceId()) || ANY.equals(grant.getResourceId()))
                .filter(grant -> grant.isPermissionGranted(Permissions.ACCESS))
                .map(Authorization::getGroupId).distinct().sorted()
                .map(this::described).toList();
    }

    private String described(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName() + " (" + groupId + ")";
    }

    private static String signedIn(HttpSession session, String engine) {
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null || authentications.getAuthenticationForProcessEngine(engine) == null ? null
                : Objects.toString(authentications.getAuthenticationForProcessEngine(engine).getName(), null);
    }
}
