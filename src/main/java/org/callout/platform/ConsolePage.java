package org.callout.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of organizer console pages (under {@code /console}), whichever module serves it: a refusal it
 * does not catch itself (a {@link RequestRefusedException}, a not-found, a malformed id) becomes the console's error
 * page with its status, never the API's JSON problem, and is audited when the request was a change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {

}
