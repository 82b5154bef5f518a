package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DunningStrategy's preDueMentionsDiscount, and what a strategy without it means. */
@FastTest
class PreDueDiscountOfferTest {

    @Test
    void theTableDecidesWhenItSays() {
        assertThat(StrategyMessages.preDueOffersDiscount(Map.of("preDueMentionsDiscount", true))).isTrue();
        assertThat(StrategyMessages.preDueOffersDiscount(Map.of("preDueMentionsDiscount", false))).isFalse();
    }

    @Test
    void aStrategyChosenBeforeTheOutputExistedOrByATableEditedWithoutItOffersTheDiscount() {
        // instances that chose their strategy before V31's table, or a table whose rule leaves the cell empty
        assertThat(StrategyMessages.preDueOffersDiscount(Map.of("preDueChannels", "EMAIL"))).isTrue();
        Map<String, Object> emptyCell = new HashMap<>();
        emptyCell.put("preDueMentionsDiscount", null);
        assertThat(StrategyMessages.preDueOffersDiscount(emptyCell)).isTrue();
    }
}
