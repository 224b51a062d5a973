package org.safeguardfhir.server.limits;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The limits a request must keep ({@code safeguard.limits.*}); each is named in the answer that refuses it.
 *
 * @param maxRequestSize the largest request body (413 beyond)
 * @param maxBundleEntries entries per batch or transaction
 * @param maxContained contained resources per resource
 * @param maxRepeats values of one repeating element (items, names, answers), Bundle entries apart
 * @param maxDepth nesting of elements within one resource
 * @param maxSearchParameters search parameter values per request, paging and format parameters apart
 * @param maxSortKeys keys in {@code _sort} (a larger {@code _count} is capped to the page size, as FHIR allows)
 * @param maxOffset the largest {@code _offset}
 * @param maxSearchValueLength characters in one search parameter value
 * @param statementTimeout how long one database statement may run before PostgreSQL cancels it
 * @param clientGoneCheck how long a read runs before it is checked, and then how often, for a client that has closed
 *     its connection, whose statements are then cancelled (zero: never)
 */
@Validated
@ConfigurationProperties("safeguard.limits")
public record RequestLimits(
        @NotNull DataSize maxRequestSize,
        @Min(1) int maxBundleEntries,
        @Min(0) int maxContained,
        @Min(1) int maxRepeats,
        @Min(4) int maxDepth,
        @Min(1) int maxSearchParameters,
        @Min(1) int maxSortKeys,
        @Min(0) int maxOffset,
        @Min(16) int maxSearchValueLength,
        @NotNull Duration statementTimeout,
        @NotNull Duration clientGoneCheck) {}
