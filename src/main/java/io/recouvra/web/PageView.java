package io.recouvra.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of results as the API answers it: stable JSON, whatever Spring Data's Page looks like. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    /**
     * The last page number a list endpoint takes: page times size (at most 500) must stay an int, the offset the
     * database query is given; beyond, the request is refused rather than failing in the query.
     */
    public static final int MAX_PAGE = 4_000_000;

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
