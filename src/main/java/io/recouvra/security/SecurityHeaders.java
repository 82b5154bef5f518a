package io.recouvra.security;

/** Headers every door of Recouvra sends, its own filter chains and the dashboard's alike. */
public final class SecurityHeaders {

    /** No page of Recouvra uses a camera, a microphone, the location, a payment handler or USB: none may ask for them. */
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private SecurityHeaders() {
    }
}
