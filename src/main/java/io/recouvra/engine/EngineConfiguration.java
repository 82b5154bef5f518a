package io.recouvra.engine;

import io.recouvra.security.RecouvraGroups;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    Clock clock(@Value("${recouvra.zone}") ZoneId zone) {
        return new EngineClock(zone);
    }

    /**
     * Members of {@code admins} are engine administrators (the engine keeps its built-in camunda-admin
     * group as one too, but Recouvra never creates it).
     */
    @Bean
    ProcessEnginePlugin engineAuthorizationDefaults() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                // mutable: the engine adds its built-in camunda-admin group to the list
                configuration.setAdminGroups(new ArrayList<>(List.of(RecouvraGroups.ADMINS)));
                // Candidates may claim and complete a task, not reassign or delete it.
                configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
                // The engine locks a user for good after 10 failed logins, until an admin unlocks it: anyone could lock
                // out the only admin that way. Its growing delay between attempts stays (3 s doubling up to 60 s); per
                // source, security.LoginThrottle refuses a guesser before it reaches the engine.
                configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
                // Historic tasks and their variables are read with the task's own rights (HISTORIC_TASK, granted with
                // the task's identity links), or READ_HISTORY on the process: else a standalone task's history, which
                // has no process to check, is open to every account of the engine REST API.
                configuration.setEnableHistoricInstancePermissions(true);
            }
        };
    }

    /** The engine REST API is open to nobody without credentials; engine authorizations apply per user. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }
}
