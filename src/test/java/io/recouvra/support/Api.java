package io.recouvra.support;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** HTTP access to the running test application as a given user. */

public class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret";

    private final TestRestTemplate rest;

    Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public TestRestTemplate as(String user, String password) {
        return rest.withBasicAuth(user, password);
    }

    public TestRestTemplate asAdmin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    public TestRestTemplate anonymous() {
        return rest;
    }
}
