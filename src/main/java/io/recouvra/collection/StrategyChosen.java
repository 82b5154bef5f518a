package io.recouvra.collection;

import io.recouvra.receivables.InvoiceSegments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps on the invoice the segments its collection was assessed with, as soon as the strategy is chosen: the risk
 * class the assessment gave DunningStrategy and the strategy's name ({@code strategyName}, an output of the table). It
 * listens to the end of every business rule task that evaluates {@code DunningStrategy}, whatever its element id, so
 * neither the model nor its running instances change; a table without the name output leaves the strategy empty.
 */
@Component
class StrategyChosen extends AbstractProcessEnginePlugin {

    /** The strategy column's width (V42): a longer name is cut there. */
    static final int NAME_LENGTH = 80;

    // looked up when a strategy is chosen: the ledger needs the engine this plugin configures
    private final ObjectProvider<InvoiceSegments> segments;

    StrategyChosen(ObjectProvider<InvoiceSegments> segments) {
        this.segments = segments;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (InvoiceCollectionContract.DUNNING_STRATEGY.equals(
                        element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "decisionRef"))) {
                    activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> record(
                            InvoiceCase.of(execution), execution.getVariable(InvoiceCollectionContract.RISK_CLASS),
                            InvoiceCase.strategy(execution)));
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void record(InvoiceCase invoiceCase, Object riskClass, Map<String, Object> strategy) {
        Object name = strategy == null ? null : strategy.get(InvoiceCollectionContract.STRATEGY_NAME);
        String strategyName = name == null || name.toString().isBlank() ? null : name.toString().strip();
        if (strategyName != null && strategyName.length() > NAME_LENGTH) {
            strategyName = strategyName.substring(0, NAME_LENGTH);
        }
        segments.getObject().recordAssessment(invoiceCase.invoiceId(), riskClass == null ? null : riskClass.toString(),
                strategyName);
    }
}
