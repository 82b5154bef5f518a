package io.recouvra.security;

import static io.recouvra.security.RecouvraGroups.ADMINS;
import static io.recouvra.security.RecouvraGroups.COLLECTORS;
import static io.recouvra.security.RecouvraGroups.CREDIT_MANAGERS;
import static io.recouvra.security.RecouvraGroups.DISPUTE_HANDLERS;
import static io.recouvra.security.RecouvraGroups.INTEGRATORS;
import static io.recouvra.security.RecouvraGroups.LEGAL;
import static io.recouvra.security.RecouvraGroups.MANAGERS;
import static io.recouvra.security.RecouvraGroups.SALES_OPERATIONS;
import static io.recouvra.security.RecouvraGroups.STAFF;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jakarta.annotation.PostConstruct;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First-start access: the groups and what each may do, the Tasklist filters, and the admin account.
 * The admin account is in {@code admins} and in the engine's built-in {@code camunda-admin}: Camunda's
 * webapps send every browser to their "create the first administrator" page for as long as nobody is
 * in {@code camunda-admin}.
 * Runs before the web server accepts requests, so the Camunda Admin "create first user" page is never
 * open. Every step is idempotent: later starts find everything in place and change nothing, except
 * the admin password when {@code RECOUVRA_ADMIN_PASSWORD} says otherwise.
 */
@Component
class AccessSetup {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);
    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";
    /** Shown under each task in Tasklist's list, so a collector tells one invoice from another. */
    private static final List<Map<String, String>> TASK_LIST_VARIABLES = List.of(
            Map.of("name", "invoiceNumber", "label", "Facture"),
            Map.of("name", "customerName", "label", "Client"),
            Map.of("name", "outstandingAmount", "label", "Restant dû"),
            Map.of("name", "currency", "label", "Devise"),
            Map.of("name", "dueDate", "label", "Échéance"));
    /** Under each call: what the collector sorts by (the call sheet's variables, CollectorCall). */
    private static final List<Map<String, String>> CALL_LIST_VARIABLES = List.of(
            Map.of("name", "customerName", "label", "Client"),
            Map.of("name", "overdueTotalDisplay", "label", "Échu"),
            Map.of("name", "oldestDaysOverdue", "label", "Jours de retard"),
            Map.of("name", "riskClass", "label", "Risque"));
    /** Process ids and user task ids the work filters select by (security does not depend on the process modules). */
    private static final String COLLECTOR_CALL = "CollectorCall";
    private static final String DISPUTE_MEDIATION = "DisputeMediation";
    private static final String[] LEGAL_PROCESSES = {"LegalInjunction", "PrescriptionReview"};
    private static final String[] APPROVAL_TASKS = {"Task_ApproveCreditLimit", "Task_ApprovePlan", "Task_ApproveEscalation",
            "Task_ApproveWriteOff"};

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String adminUser;
    private final String adminPassword;
    private final String publicUrl;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks,
                @Value("${recouvra.admin.user}") String adminUser,
                @Value("${recouvra.admin.password:}") String adminPassword,
                @Value("${recouvra.public-url}") String publicUrl) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.publicUrl = publicUrl;
    }

    @PostConstruct
    void setUp() {
        createGroups();
        grantWorkRights();
        createTasklistFilters();
        ensureAdmin();
    }

    private void createGroups() {
        Map.of(COLLECTORS, "Collectors", DISPUTE_HANDLERS, "Dispute handlers", LEGAL, "Legal officers",
                CREDIT_MANAGERS, "Credit managers", MANAGERS, "Managers", SALES_OPERATIONS, "Sales and operations",
                ADMINS, "Administrators",
                INTEGRATORS, "Integrations (API clients)", Groups.CAMUNDA_ADMIN, "Camunda administrators")
                .forEach((id, name) -> {
                    if (identity.createGroupQuery().groupId(id).count() == 0) {
                        Group group = identity.newGroup(id);
                        group.setName(name);
                        group.setType(isAdministrators(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
                        identity.saveGroup(group);
                    }
                });
    }

    /**
     * Task rights come from the engine itself: a candidate group gets READ and TASK_WORK on each of
     * its tasks when the task is created. Here: who may open which webapp, and what they may read.
     */
    private void grantWorkRights() {
        for (String group : STAFF) {
            grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        for (String group : new String[] {MANAGERS, ADMINS}) {
            grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        }
        grant(MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(MANAGERS, Resources.TASK, ANY, Permissions.READ);
        grant(MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(MANAGERS, Resources.BATCH, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(MANAGERS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        // Membership of an engine admin group unlocks admin-only commands, but queries still filter by
        // authorizations: administrators need ALL on every resource, as Camunda's own first-user setup grants.
        for (Resources resource : Resources.values()) {
            grant(ADMINS, resource, ANY, Permissions.ALL);
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /**
     * The Tasklist filters, in French, each readable by the groups it is for (READ on that filter; admins
     * read every filter). Tasklist opens the readable filter of lowest priority: a collector lands on
     * "Mes appels du jour". A filter is found by its name, or by its English name of before (then renamed,
     * keeping its id); never created twice, and a filter an admin edited keeps its query.
     */
    private void createTasklistFilters() {
        String me = "${currentUser()}";
        String myGroups = "${currentUserGroups()}";
        // follow-up date at the start of its day (CallPriority): due today or before, or none (calls made before)
        ensureFilter("Mes appels du jour", null, "Mes appels à passer aujourd'hui, les plus prioritaires en premier", -40,
                CALL_LIST_VARIABLES, tasks.createTaskQuery().processDefinitionKey(COLLECTOR_CALL)
                        .followUpBeforeOrNotExistentExpression("${now()}")
                        .or().taskAssigneeExpression(me).taskCandidateGroupInExpression(myGroups).endOr()
                        .orderByTaskPriority().desc().orderByDueDate().asc(), COLLECTORS);
        ensureFilter("Litiges en attente", null, "Litiges à examiner, le délai de réponse le plus proche en premier", -30,
                TASK_LIST_VARIABLES, tasks.createTaskQuery().processDefinitionKey(DISPUTE_MEDIATION)
                        .or().taskAssigneeExpression(me).taskCandidateGroupInExpression(myGroups).endOr()
                        .orderByDueDate().asc(), DISPUTE_HANDLERS);
        ensureFilter("Approbations", null, "Limites de crédit, échéanciers, escalades et passages en perte à approuver", -20,
                TASK_LIST_VARIABLES, tasks.createTaskQuery().taskDefinitionKeyIn(APPROVAL_TASKS)
                        .or().taskAssigneeExpression(me).taskCandidateGroupInExpression(myGroups).endOr()
                        .orderByDueDate().asc(), CREDIT_MANAGERS, MANAGERS);
        ensureFilter("Dossiers contentieux", null, "Injonctions de payer et prescriptions à traiter", -10,
                TASK_LIST_VARIABLES, tasks.createTaskQuery().processDefinitionKeyIn(LEGAL_PROCESSES)
                        .or().taskAssigneeExpression(me).taskCandidateGroupInExpression(myGroups).endOr()
                        .orderByDueDate().asc(), LEGAL);
        String[] everyone = STAFF.stream().filter(group -> !isAdministrators(group)).toArray(String[]::new);
        ensureFilter("Mes tâches", "My tasks", "Les tâches qui me sont attribuées", 10, TASK_LIST_VARIABLES,
                tasks.createTaskQuery().taskAssigneeExpression(me), everyone);
        ensureFilter("Tâches de mes groupes", "My group tasks", "Les tâches de mes groupes que personne n'a prises", 20,
                TASK_LIST_VARIABLES, tasks.createTaskQuery().taskCandidateGroupInExpression(myGroups), everyone);
        ensureFilter("Toutes les tâches", "All tasks", "Toutes les tâches que je peux voir", 30, TASK_LIST_VARIABLES,
                tasks.createTaskQuery(), MANAGERS);
        // before these filters every staff group read every filter: now each reads its own
        for (String group : everyone) {
            Authorization readsAll = authorizations.createAuthorizationQuery()
                    .groupIdIn(group).resourceType(Resources.FILTER).resourceId(ANY).singleResult();
            if (readsAll != null) {
                authorizations.deleteAuthorization(readsAll.getId());
            }
        }
    }

    private void ensureFilter(String name, String englishName, String description, int priority,
                              List<Map<String, String>> variables, Query<?, ?> query, String... readers) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null && englishName != null) {
            filter = filters.createFilterQuery().filterName(englishName).singleResult();
            if (filter != null) {
                Map<String, Object> properties = new HashMap<>(filter.getProperties());
                properties.put("description", description);
                properties.put("variables", variables);
                properties.put("priority", priority);
                filters.saveFilter(filter.setName(name).setProperties(properties));
            }
        }
        if (filter == null) {
            filter = filters.saveFilter(filters.newTaskFilter(name)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                            "variables", variables, "showUndefinedVariable", false))
                    .setQuery(query));
        }
        for (String group : readers) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static boolean isAdministrators(String group) {
        return group.equals(ADMINS) || group.equals(Groups.CAMUNDA_ADMIN);
    }

    private void ensureAdmin() {
        User existing = identity.createUserQuery().userId(adminUser).singleResult();
        if (existing == null) {
            User admin = identity.newUser(adminUser);
            admin.setFirstName("Recouvra");
            admin.setLastName("Administrator");
            String password = StringUtils.hasText(adminPassword) ? adminPassword : generatePassword();
            admin.setPassword(password);
            identity.saveUser(admin);
            identity.createMembership(adminUser, ADMINS);
            identity.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
            if (StringUtils.hasText(adminPassword)) {
                log.info("Created the admin account '{}' with the password from RECOUVRA_ADMIN_PASSWORD", adminUser);
            } else {
                // Printed as soon as the account exists: a start that fails later must not lose it.
                announce(password);
            }
            return;
        }
        // The recovery when every admin is locked out: restarting Recouvra lets the configured admin in again.
        identity.unlockUser(adminUser);
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(adminUser, Groups.CAMUNDA_ADMIN);
        }
        if (StringUtils.hasText(adminPassword) && !identity.checkPassword(adminUser, adminPassword)) {
            existing.setPassword(adminPassword);
            identity.saveUser(existing);
            log.info("Admin password of '{}' set from RECOUVRA_ADMIN_PASSWORD", adminUser);
        }
    }

    private void announce(String generatedPassword) {
        log.warn("""

                ================================================================================
                 Recouvra admin account (shown once, keep it safe; change it in Camunda Admin)
                   open:     {}/camunda/app/
                   user:     {}
                   password: {}
                 Set RECOUVRA_ADMIN_PASSWORD to choose the password yourself.
                ================================================================================""",
                publicUrl, adminUser, generatedPassword);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
