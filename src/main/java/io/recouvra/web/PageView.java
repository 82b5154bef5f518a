package io.recouvra.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of results as the API answers it: stable JSON, whatever Spring Data's Page looks like. */
public record PageView<T>(
        List<T> content,
        @Schema(description = "The page number asked for (0 when the page was asked for with `after`)") int page,
        int size,
        @Schema(description = "How many rows match; when `totalExact` is false, the list has more than this many "
                + "(counting stops at " + PageView.COUNT_CAP_TEXT + ")")
        long totalElements,
        @Schema(description = "Pages of `size` rows in `totalElements`: when `totalExact` is false, there are more")
        int totalPages,
        @Schema(description = "False when there are more than " + PageView.COUNT_CAP_TEXT + " matching rows: the "
                + "count stopped there (\"more than " + PageView.COUNT_CAP_TEXT + "\")")
        boolean totalExact,
        @Schema(description = "Whether a page follows this one")
        boolean hasNext,
        @Schema(description = "On lists that page with `after`: the cursor of the next page, to pass as `after`; "
                + "absent on the last page", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String next) {

    /**
     * The last page number a list endpoint takes: page times size (at most 500) must stay an int, the offset the
     * database query is given; beyond, the request is refused rather than failing in the query.
     */
    public static final int MAX_PAGE = 4_000_000;

    /**
     * Where the lists that cap their count stop counting: counting every one of a million matching rows costs more
     * than the page itself, and nobody reads a total beyond "more than 10,000".
     */
    public static final int COUNT_CAP = 10_000;

    private static final String COUNT_CAP_TEXT = "10,000";

    /** A page whose total Spring Data counted exactly (lists that stay small). */
    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages(), true, page.hasNext(), null);
    }

    /** A page of a list counted exactly by its own query. */
    public static <T> PageView<T> counted(List<T> content, int page, int size, long total) {
        return new PageView<>(content, page, size, total, (int) ((total + size - 1) / size), true,
                (long) (page + 1) * size < total, null);
    }

    /**
     * A page of a list whose count stopped at {@link #COUNT_CAP} + 1 rows: {@code counted} above the cap means
     * "more than {@value #COUNT_CAP}", shown as the cap with {@code totalExact} false.
     */
    public static <T> PageView<T> capped(List<T> content, int page, int size, long counted, boolean hasNext, String next) {
        boolean exact = counted <= COUNT_CAP;
        long total = Math.min(counted, COUNT_CAP);
        return new PageView<>(content, page, size, total, (int) ((total + size - 1) / size), exact, hasNext, next);
    }
}
