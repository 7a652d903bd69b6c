package id.go.kapuaskab.sertel.notification.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 times with offset in query parameters. An unreadable value is an {@link IllegalArgumentException},
 * which the edge answers as 400 {@code invalid-parameter} (the default converter's parse error would be a 404).
 */
@Provider
public class TimeParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != OffsetDateTime.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<OffsetDateTime>() {
            @Override
            public OffsetDateTime fromString(String value) {
                try {
                    return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Not an ISO-8601 time with offset: " + value, e);
                }
            }

            @Override
            public String toString(OffsetDateTime value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
