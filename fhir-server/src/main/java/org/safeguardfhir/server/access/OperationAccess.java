package org.safeguardfhir.server.access;

import java.util.Objects;
import java.util.function.Predicate;
import org.safeguardfhir.server.security.Caller;

/**
 * Who may call one of a feature's operations. Each feature declares its own as a bean, next to the operation, and
 * {@link OperationAccessInterceptor} holds every call to them; an operation nobody declared is the safeguarding
 * lead's alone.
 *
 * @param type the resource type it runs on, or null for the server's base
 * @param operation its name, such as {@code $export}
 * @param allowed whether a caller may run it
 * @param refusal the 403's diagnostics for a caller who may not
 */
public record OperationAccess(String type, String operation, Predicate<Caller> allowed, String refusal) {

    public OperationAccess {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(refusal, "refusal");
    }

    public static OperationAccess atServer(String operation, Predicate<Caller> allowed, String refusal) {
        return new OperationAccess(null, operation, allowed, refusal);
    }

    public static OperationAccess onType(String type, String operation, Predicate<Caller> allowed, String refusal) {
        return new OperationAccess(Objects.requireNonNull(type, "type"), operation, allowed, refusal);
    }

    boolean governs(String requestType, String requestOperation) {
        return operation.equals(requestOperation) && Objects.equals(type, requestType);
    }
}
