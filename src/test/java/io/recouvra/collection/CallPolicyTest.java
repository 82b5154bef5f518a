package io.recouvra.collection;

import static io.recouvra.support.ProcessScopes.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.support.FastTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a call gets its CallPolicy terms, with the decision table and the customer mocked. */
@FastTest
class CallPolicyTest {

    private static final UUID CUSTOMER = UUID.fromString("ca11ca11-0000-4000-8000-000000000001");

    private final DecisionService decisions = mock(DecisionService.class, RETURNS_DEEP_STUBS);
    private final CustomerService customers = mock(CustomerService.class);
    private final CallPolicy policy = new CallPolicy(decisions, customers);

    @BeforeEach
    void aKeyAccountWhoseTableSaysFiveTries() {
        Customer customer = mock(Customer.class);
        given(customer.getCustomerType()).willReturn("KEY_ACCOUNT");
        given(customers.get(CUSTOMER)).willReturn(customer);
        given(decisions.evaluateDecisionTableByKey(eq(CallPolicy.DECISION_KEY), any(VariableMap.class)).getSingleResult().getEntryMap())
                .willReturn(Map.of("callTries", 5, "daysBetweenTries", 1, "promiseGraceDays", 2, "paymentCheckDays", 4,
                        "longestPromiseDays", 60));
    }

    @Test
    void aNewCallGetsTheTermsOfItsCustomersRuleAsItsVariables() {
        Map<String, Object> call = new HashMap<>();

        CallPolicy.Terms terms = policy.of(execution(call), CUSTOMER);

        assertThat(terms).isEqualTo(new CallPolicy.Terms(5, 1, 2, 4, 60));
        assertThat(call).containsEntry("callTries", 5).containsEntry("daysBetweenTries", 1).containsEntry("promiseGraceDays", 2)
                .containsEntry("paymentCheckDays", 4).containsEntry("longestPromiseDays", 60);
    }

    @Test
    void aCallThatHasItsTermsKeepsThemWhateverTheTableSaysNow() {
        Map<String, Object> call = new HashMap<>(new CallPolicy.Terms(3, 2, 3, 5, 90).asVariables());

        assertThat(policy.of(execution(call), CUSTOMER)).isEqualTo(new CallPolicy.Terms(3, 2, 3, 5, 90));
        then(customers).should(never()).get(any());
    }

    @Test
    void aCallOfTheVersionBeforeTheTableKeepsTheGraceAndCheckDaysItsModelGave() {
        // on that version, Record call has promiseGraceDays 3 and paymentCheckDays 5 as inputs
        Map<String, Object> recordCall = new HashMap<>(Map.of("promiseGraceDays", 3, "paymentCheckDays", 5));

        CallPolicy.Terms terms = policy.of(execution(recordCall), CUSTOMER);

        assertThat(terms.promiseGraceDays()).isEqualTo(3);
        assertThat(terms.paymentCheckDays()).isEqualTo(5);
        assertThat(terms.callTries()).isEqualTo(5);
        assertThat(terms.longestPromiseDays()).isEqualTo(60);
    }

    @Test
    void aRuleThatLeavesAnOutputEmptyIsRefusedRatherThanGuessed() {
        given(decisions.evaluateDecisionTableByKey(eq(CallPolicy.DECISION_KEY), any(VariableMap.class)).getSingleResult().getEntryMap())
                .willReturn(Map.of("callTries", 5));

        assertThatThrownBy(() -> policy.of(execution(new HashMap<>()), CUSTOMER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CallPolicy");
    }
}
