package org.safeguardfhir.server.limits;

import ca.uhn.fhir.util.UrlUtil;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.safeguardfhir.server.errors.NamedProblem;

/**
 * What a batch or transaction and each of its entries must be for HAPI to process it as the client meant: a Bundle
 * of type batch or transaction; per entry a request with a method and a URL, a resource for the methods that send
 * one (whose id, if any, is the URL's), an id or criteria to DELETE, well-formed preconditions, a {@code urn:uuid}
 * fullUrl that is a UUID, no Bundle to process inside, a GET whose query would run; in a transaction, no resource
 * changed by two entries. Checked up front, so that a broken entry is a 400 naming it instead of an exception halfway
 * through, or an entry silently skipped.
 */
final class BundleEntries {

    private static final Pattern UUID =
            Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INSTANCE = Pattern.compile("([A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/(.*))?");

    private final SearchParameters searchParameters;

    BundleEntries(SearchParameters searchParameters) {
        this.searchParameters = searchParameters;
    }

    Optional<NamedProblem> problem(Bundle bundle) {
        if (bundle.getType() != BundleType.TRANSACTION && bundle.getType() != BundleType.BATCH) {
            return at("Bundle.type", "A Bundle sent to the base is of type transaction or batch");
        }
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Optional<NamedProblem> problem =
                    entryProblem(bundle, bundle.getEntry().get(i), "Bundle.entry[" + i + "]", changed);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<NamedProblem> entryProblem(
            Bundle bundle, BundleEntryComponent entry, String at, Set<String> changed) {
        if (!entry.hasRequest() || entry.getRequest().getMethod() == null) {
            return at(at + ".request.method", at + ".request.method is missing");
        }
        if (!entry.getRequest().hasUrl() || entry.getRequest().getUrl().isBlank()) {
            return at(at + ".request.url", at + ".request.url is missing");
        }
        if (entry.hasFullUrl()
                && entry.getFullUrl().startsWith("urn:uuid:")
                && !UUID.matcher(entry.getFullUrl()).matches()) {
            return at(at + ".fullUrl", at + ".fullUrl is urn:uuid: but not followed by a UUID");
        }
        HTTPVerb method = entry.getRequest().getMethod();
        String url = entry.getRequest().getUrl().trim();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        var instance = INSTANCE.matcher(path);
        boolean sendsResource = method == HTTPVerb.POST || method == HTTPVerb.PUT;
        if (sendsResource && !entry.hasResource()) {
            return at(at + ".resource", at + ".resource is missing for " + method.toCode());
        }
        if (entry.getResource() instanceof Bundle inner
                && (inner.getType() == BundleType.TRANSACTION || inner.getType() == BundleType.BATCH)) {
            return at(
                    at + ".resource", at + ".resource is a " + inner.getType().toCode() + ", which is sent on its own");
        }
        if (method == HTTPVerb.PUT
                && instance.matches()
                && entry.getResource().hasIdElement()
                && entry.getResource().getIdElement().hasIdPart()
                && !entry.getResource().getIdElement().getIdPart().equals(instance.group(2))) {
            return at(at + ".resource.id", at + ".resource.id differs from the id in " + at + ".request.url");
        }
        if (method == HTTPVerb.DELETE && !url.contains("?") && !instance.matches()) {
            return at(at + ".request.url", at + " deletes without an id or criteria");
        }
        if (instance.matches()
                && instance.group(3) != null
                && !instance.group(4).matches("\\d{1,18}")) {
            return at(at + ".request.url", at + ".request.url names a version that is no number");
        }
        if (entry.getRequest().hasIfMatch()
                && !RequestHeaders.VERSION_ETAG
                        .matcher(entry.getRequest().getIfMatch().trim())
                        .matches()) {
            return at(at + ".request.ifMatch", at + ".request.ifMatch must be one version ETag such as W/\"3\"");
        }
        if (method == HTTPVerb.GET && url.contains("?")) {
            String resourceType = path.contains("/") || path.isEmpty() ? null : path;
            var problem = searchParameters.problem(
                    resourceType, UrlUtil.parseQueryString(url.substring(url.indexOf('?') + 1)));
            if (problem.isPresent()) {
                return at(
                        at + ".request.url",
                        at + ".request.url: " + problem.get().diagnostics());
            }
        }
        boolean changes = method == HTTPVerb.PUT || method == HTTPVerb.DELETE || method == HTTPVerb.PATCH;
        if (bundle.getType() == BundleType.TRANSACTION
                && changes
                && instance.matches()
                && !changed.add(instance.group(1) + "/" + instance.group(2))) {
            return at(
                    at + ".request.url",
                    at + " changes " + instance.group(1) + "/" + ClientText.quote(instance.group(2))
                            + ", which another entry of the transaction changes too");
        }
        return Optional.empty();
    }

    private static Optional<NamedProblem> at(String element, String diagnostics) {
        return Optional.of(NamedProblem.element(400, element, diagnostics));
    }
}
