package io.recouvra.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

/**
 * What a person reads of a model in Tasklist and Cockpit: the process's name, each user task's name and its
 * description (the task's documentation, which Camunda makes the task's description), and the label of every other
 * named element of the diagram (service and other tasks, sub-processes, call activities, events, gateways, sequence
 * flows). The models are written in French ({@code processes/*.bpmn}, as process owners edit them in Modeler);
 * another language's texts are in {@code processes/<language>/<model>.properties}, keyed {@code <process id>.name},
 * {@code <element id>.name} and {@code <task id>.documentation}, and written into the model as it is deployed. An
 * element drawn without a name stays without one. Messages, signals and errors keep their names: the code correlates
 * by them.
 */
final class ModelTexts {

    static final String NAME = ".name";
    static final String DOCUMENTATION = ".documentation";

    private final String language;

    ModelTexts(String language) {
        this.language = language;
    }

    /** Where a model's texts in this language are on the classpath. */
    String textsOf(String modelFileName) {
        return "processes/" + language + "/" + modelFileName.replaceFirst("\\.bpmn$", ".properties");
    }

    /** The model with its texts in this language, deployed under the model's own file name. */
    Resource translate(Resource model) {
        BpmnModelInstance bpmn = read(model);
        Properties texts = texts(model.getFilename());
        List<String> missing = missing(bpmn, texts);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("recouvra.forms.language is '" + language + "' but " + textsOf(model.getFilename())
                    + " lacks " + missing + ": every process and named element needs its name, and every user task its documentation");
        }
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            process.setName(texts.getProperty(process.getId() + NAME));
        }
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            task.setName(texts.getProperty(task.getId() + NAME));
            document(task, texts.getProperty(task.getId() + DOCUMENTATION));
        }
        for (FlowElement element : labelled(bpmn)) {
            element.setName(texts.getProperty(element.getId() + NAME));
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(written, bpmn);
        return new DeployedAs(written.toByteArray(), model.getFilename());
    }

    /** The keys a model needs in a language and its texts lack (blank counts as missing). */
    static List<String> missing(BpmnModelInstance bpmn, Properties texts) {
        List<String> missing = new ArrayList<>();
        for (String key : keys(bpmn)) {
            String text = texts.getProperty(key);
            if (text == null || text.isBlank()) {
                missing.add(key);
            }
        }
        return missing;
    }

    /**
     * Every key a model's texts have: its process's name, each user task's name and documentation, and the name of
     * every other element drawn with one.
     */
    static Set<String> keys(BpmnModelInstance bpmn) {
        Set<String> keys = new TreeSet<>();
        bpmn.getModelElementsByType(Process.class).forEach(process -> keys.add(process.getId() + NAME));
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            keys.add(task.getId() + NAME);
            keys.add(task.getId() + DOCUMENTATION);
        }
        labelled(bpmn).forEach(element -> keys.add(element.getId() + NAME));
        return keys;
    }

    /**
     * The elements other than user tasks whose name the diagram shows: tasks of the other kinds, sub-processes, call
     * activities, events, gateways and sequence flows drawn with a name (an unnamed flow or event has no text to
     * translate).
     */
    static List<FlowElement> labelled(BpmnModelInstance bpmn) {
        return bpmn.getModelElementsByType(FlowElement.class).stream()
                .filter(element -> !(element instanceof UserTask) && element.getName() != null && !element.getName().isBlank())
                .toList();
    }

    /** A model's texts in this language, read as UTF-8; empty when it has none. */
    Properties texts(String modelFileName) {
        Properties texts = new Properties();
        ClassPathResource file = new ClassPathResource(textsOf(modelFileName));
        if (file.exists()) {
            try (InputStream in = file.getInputStream()) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    static BpmnModelInstance read(Resource model) {
        try (InputStream in = model.getInputStream()) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One documentation, the translated one (the engine joins several into the task's description); a new one gets an
     * id of its own task's, so that the same model and texts always deploy the same bytes (no new version at a restart).
     */
    private static void document(UserTask task, String text) {
        Collection<Documentation> documentations = task.getDocumentations();
        List<Documentation> existing = new ArrayList<>(documentations);
        Documentation documentation = existing.isEmpty()
                ? task.getModelInstance().newInstance(Documentation.class, task.getId() + "_Documentation")
                : existing.remove(0);
        documentations.removeAll(existing);
        documentation.setTextContent(text);
        if (!documentations.contains(documentation)) {
            documentations.add(documentation);
        }
    }

    /**
     * A translated model: the engine's auto-deployment names a {@link ContextResource} by its path, so the model keeps
     * its file name (and its {@code .bpmn} suffix, by which the engine knows it is BPMN).
     */
    private static final class DeployedAs extends ByteArrayResource implements ContextResource {

        private final String fileName;

        DeployedAs(byte[] model, String fileName) {
            super(model, fileName);
            this.fileName = fileName;
        }

        @Override
        public String getPathWithinContext() {
            return fileName;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DeployedAs deployed && deployed.fileName.equals(fileName) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return fileName.hashCode();
        }
    }
}
