package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's one Immutables style: package-private implementations behind {@code X.builder()}, JDK types only,
 * and {@link ValidationException} for a missing or null attribute. Applied per package in {@code package-info.java}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    throwForInvalidImmutableState = ValidationException.class,
    throwForNullPointer = ValidationException.class,
    defaultAsDefault = false,
    // no @Generated or nullability annotations from the classpath: value-annotations is compile-only (provided),
    // and its annotations in generated classes would warn in every consumer's compilation
    allowedClasspathAnnotations = {java.lang.Override.class})
public @interface ValueStyle {}
