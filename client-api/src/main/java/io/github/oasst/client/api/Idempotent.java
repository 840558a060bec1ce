package io.github.oasst.client.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write the backend does once however often it is sent (a delete, a state set to a value): the
 * client may send it again after its answer was lost. Writes without it are sent again only when
 * the server did not process them; reads (GET) are always safe to repeat.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
