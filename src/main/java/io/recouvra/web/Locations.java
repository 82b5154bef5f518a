package io.recouvra.web;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code Location} of a resource created under a number its owner chose ({@code F/2026/001}, {@code A<B>},
 * {@code 50%}): each variable is encoded whole, {@code /} included, so that building the header cannot fail
 * after the commit and the URL reads the resource back ({@link NumbersInPaths}).
 */
public final class Locations {

    private Locations() {
    }

    public static URI of(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(variables).toUri();
    }
}
