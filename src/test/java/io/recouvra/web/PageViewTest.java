package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageViewTest {

    @Test
    void aCountThatReachedTheCapSaysMoreThanTenThousand() {
        // the count stops at 10,001 rows: 10,001 means "more than 10,000", shown as 10,000 not exact;
        // 10,000 / 50 = 200 pages at least
        PageView<String> more = PageView.capped(List.of("a"), 0, 50, 10_001, true, "cursor");
        assertThat(more.totalElements()).isEqualTo(10_000);
        assertThat(more.totalExact()).isFalse();
        assertThat(more.totalPages()).isEqualTo(200);

        // exactly 10,000: exact; 101 rows by 50: 3 pages
        assertThat(PageView.capped(List.of("a"), 0, 50, 10_000, true, "cursor").totalExact()).isTrue();
        PageView<String> small = PageView.capped(List.of("a"), 2, 50, 101, false, null);
        assertThat(small.totalPages()).isEqualTo(3);
        assertThat(small.totalExact()).isTrue();
        assertThat(small.next()).isNull();
    }
}
