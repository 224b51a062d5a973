package org.safeguardfhir.deidentification;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.safeguardfhir.deidentification.config.DeidentificationConfig;
import org.safeguardfhir.deidentification.config.Method;
import org.safeguardfhir.deidentification.config.Parameters;
import org.safeguardfhir.deidentification.config.Rule;
import org.safeguardfhir.deidentification.method.CryptoHash;
import org.safeguardfhir.deidentification.method.DateShift;
import org.safeguardfhir.deidentification.method.Encryption;

/**
 * De-identifies FHIR R4 resources by a {@link DeidentificationConfig}. Default deny: the result holds only what a rule
 * keeps or transforms, plus {@code resourceType}; narrative, extensions, identifiers, contained resources, meta and
 * the id itself all go unless a rule covers them.
 *
 * <p><b>The earliest rule that covers a node decides it; a rule covers the nodes its path selects and everything
 * inside them.</b> So a specific rule placed before a broad one makes an exception to it: {@code keep
 * Patient.name.family} followed by {@code redact Patient.name} keeps only the family name. Paths are evaluated
 * against the input as it was, before any rule changed anything. Inside a covered node, the method acts on each
 * value it applies to and removes the rest (keep keeps everything; perturbing a Quantity keeps its unit and code).
 *
 * <p>Every result carries v3-ObservationValue labels in {@code meta.security} for what was done: REDACTED when
 * anything was removed, PSEUDED for cryptoHash, MASKED for encrypt and substitute, ABSTRED for generalize, dateShift
 * and perturb. The input is never modified. Instances are immutable and safe to share between threads.
 */
public final class Deidentifier {

    private final List<Rule> rules;
    private final ValueMethods methods;
    private final DateShift dateShift;
    private final CryptoHash cryptoHash;

    /**
     * @param environment looks up environment variables by name: {@code System::getenv} in production, a map in tests
     * @param clock the reference date for age bands
     * @throws org.safeguardfhir.deidentification.config.DeidentificationConfigException if a key a rule needs is
     *     missing, not Base64, or too short
     */
    public Deidentifier(DeidentificationConfig config, Function<String, String> environment, Clock clock) {
        this(config, environment, clock, new SecureRandom());
    }

    /** @param noise the source of perturbation noise; it must be thread-safe if this instance is shared */
    public Deidentifier(
            DeidentificationConfig config, Function<String, String> environment, Clock clock, RandomGenerator noise) {
        this.rules = config.rules();
        Parameters parameters = config.parameters();
        SecretKeys keys = new SecretKeys(environment, rules);
        byte[] hashKey = keys.forMethod(Method.CRYPTO_HASH, "cryptoHashKey", parameters.cryptoHashKey(), 0);
        byte[] encryptKey = keys.forMethod(Method.ENCRYPT, "encryptKey", parameters.encryptKey(), Encryption.KEY_BYTES);
        byte[] shiftKey = keys.forMethod(Method.DATE_SHIFT, "dateShiftKey", parameters.dateShiftKey(), 0);
        this.dateShift = shiftKey == null ? null : new DateShift(shiftKey, parameters.dateShiftRangeDays());
        this.cryptoHash = hashKey == null ? null : new CryptoHash(hashKey);
        this.methods = new ValueMethods(
                cryptoHash,
                encryptKey == null ? null : new Encryption(encryptKey),
                dateShift,
                Objects.requireNonNull(noise, "noise"),
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A de-identified copy of {@code resource}.
     *
     * @param patientScope the patient the resource belongs to, which keys the date shift, e.g. {@code "Patient/123"}
     *     or a pseudonym; all resources of one patient must get the same scope. May be {@code null} for a Patient,
     *     whose scope is then its own {@code Patient/<id>}, and for resources no dateShift rule applies to.
     * @throws DeidentificationException if a date must shift but there is no scope, or a rule selects a computed value
     */
    public IBaseResource deidentify(IBaseResource resource, String patientScope) {
        if (!(resource instanceof Resource input)) {
            throw new IllegalArgumentException("only FHIR R4 resources can be de-identified, not "
                    + (resource == null ? "null" : resource.getClass().getName()));
        }
        List<Rule> applicable = rules.stream().filter(r -> r.appliesTo(input)).toList();
        String scope = patientScope != null ? patientScope : ownScope(input);
        return new DeidentifiedCopy(input, applicable, methods, shiftDays(scope, input)).build();
    }

    /** Each resource de-identified on its own, all with the same patient scope. */
    public List<IBaseResource> deidentify(List<? extends IBaseResource> resources, String patientScope) {
        return resources.stream().map(r -> deidentify(r, patientScope)).toList();
    }

    /**
     * The pseudonym {@code cryptoHash} makes of the resource {@code resourceType/idPart} under this configuration's
     * key: its hashed id, and the id part of a hashed reference to it. Empty when no rule hashes anything. Lets whoever
     * holds the configuration find which resource a pseudonym stands for, by computing the pseudonyms of candidates.
     */
    public Optional<String> pseudonym(String resourceType, String idPart) {
        return Optional.ofNullable(cryptoHash).map(hash -> hash.resourceId(resourceType, idPart));
    }

    /**
     * The resource types that rules name, in the order they first appear: what a view made with this configuration
     * shows of more than the bare {@code resourceType}. Rules for every type ({@code Resource}) name none.
     */
    public Set<String> resourceTypes() {
        var types = new LinkedHashSet<String>();
        rules.stream().map(Rule::resourceType).filter(Objects::nonNull).forEach(types::add);
        return Collections.unmodifiableSet(types);
    }

    private static String ownScope(Resource resource) {
        return resource instanceof Patient && resource.getIdElement().hasIdPart()
                ? "Patient/" + resource.getIdElement().getIdPart()
                : null;
    }

    private IntSupplier shiftDays(String scope, Resource resource) {
        return () -> {
            if (scope == null) {
                throw new DeidentificationException("dateShift needs the patient scope of this " + resource.fhirType()
                        + "; pass it to deidentify(resource, patientScope)");
            }
            return dateShift.offsetDays(scope);
        };
    }
}
