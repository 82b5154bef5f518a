package io.recouvra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Deploys a model as a new version of its process, as a release would, for tests of instances across versions. */
public final class ModelDeployments {

    private ModelDeployments() {
    }

    /**
     * Deploys the model (a classpath resource) with every Camunda Form, since user tasks bind their forms in their
     * own deployment; a new version even when the same model is deployed already.
     *
     * @return the definition of the process the model holds
     */
    public static ProcessDefinition deployWithForms(RepositoryService repository, String name, String model) {
        DeploymentBuilder deployment = repository.createDeployment().name(name).addClasspathResource(model);
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                deployment.addInputStream("forms/" + form.getFilename(), form.getInputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String deploymentId = deployment.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }
}
