package org.safeguardfhir.deidentification;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;

/** What each method does to one value. An empty answer means the value cannot be kept in that form: it is dropped. */
final class ValueMethods {

    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private final byte[] dateShiftKey;
    private final int dateShiftRangeDays;
    private final byte[] hashKey;
    private final byte[] encryptKey;
    private final Clock clock;
    private final RandomGenerator random;

    ValueMethods(
            byte[] dateShiftKey,
            int dateShiftRangeDays,
            byte[] hashKey,
            byte[] encryptKey,
            Clock clock,
            RandomGenerator random) {
        this.dateShiftKey = dateShiftKey;
        this.dateShiftRangeDays = dateShiftRangeDays;
        this.hashKey = hashKey;
        this.encryptKey = encryptKey;
        this.clock = clock;
        this.random = random;
    }

    Optional<Base> apply(PrimitiveType<?> value, Rule rule, String scope) {
        return switch (rule.method()) {
            case KEEP -> Optional.of(value.copy());
            case REDACT -> Optional.empty();
            case CRYPTO_HASH -> cryptoHash(value);
            case ENCRYPT ->
                value instanceof StringType
                        ? Optional.of(new StringType(encrypt(value.getValueAsString())))
                        : Optional.empty();
            case SUBSTITUTE -> substitute(value, rule.value());
            case DATE_SHIFT -> dateShift(value, scope);
            case GENERALIZE -> generalize(value, rule);
            case PERTURB -> perturb(value, rule);
        };
    }

    /** HMAC-SHA-256 in hex: 64 characters, which also fits a resource id. */
    String hash(String value) {
        return HexFormat.of().formatHex(hmac(hashKey, value));
    }

    private Optional<Base> cryptoHash(PrimitiveType<?> value) {
        if (value instanceof IdType id) {
            // A resource id is hashed with its type and without its version, so it is stable across versions.
            String type = id.hasResourceType() ? id.getResourceType() : "";
            return Optional.of(new IdType(hash(type + "/" + id.getIdPart())));
        }
        if (!(value instanceof StringType)
                && !(value instanceof org.hl7.fhir.r4.model.UriType)
                && !(value instanceof org.hl7.fhir.r4.model.CodeType)) {
            return Optional.empty();
        }
        var out = (PrimitiveType<?>) value.copy();
        out.setValueAsString(hash(value.getValueAsString()));
        out.getExtension().clear();
        return Optional.of(out);
    }

    private static Optional<Base> substitute(PrimitiveType<?> value, String replacement) {
        var out = (PrimitiveType<?>) value.copy();
        out.getExtension().clear();
        try {
            out.setValueAsString(replacement);
        } catch (RuntimeException notOfThisType) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** Every date of one scope moves by the same number of days; partial dates, which cannot move by days, go. */
    private Optional<Base> dateShift(PrimitiveType<?> value, String scope) {
        if (!(value instanceof BaseDateTimeType date)
                || date.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.empty();
        }
        int offset = offsetDays(scope);
        if (value instanceof InstantType instant) {
            var shifted = instant.copy();
            shifted.add(Calendar.DATE, offset);
            return Optional.of(shifted);
        }
        LocalDate day =
                LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()).plusDays(offset);
        var out = value instanceof DateType ? new DateType(day.toString()) : new DateTimeType(day.toString());
        return Optional.of(out);
    }

    int offsetDays(String scope) {
        byte[] digest = hmac(dateShiftKey, scope);
        long bits = ByteBuffer.wrap(digest).getLong() >>> 1;
        int span = 2 * dateShiftRangeDays + 1;
        return (int) (bits % span) - dateShiftRangeDays;
    }

    private Optional<Base> generalize(PrimitiveType<?> value, Rule rule) {
        return switch (rule.generalizeTo()) {
            case "year", "month" -> {
                if (!(value instanceof BaseDateTimeType date) || value instanceof InstantType) {
                    yield Optional.empty();
                }
                var precision =
                        rule.generalizeTo().equals("year") ? TemporalPrecisionEnum.YEAR : TemporalPrecisionEnum.MONTH;
                if (date.getPrecision().ordinal() < precision.ordinal()) {
                    yield Optional.of(value.copy());
                }
                String text = precision == TemporalPrecisionEnum.YEAR
                        ? String.format(Locale.ROOT, "%04d", date.getYear())
                        : String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonth() + 1);
                yield Optional.of(value instanceof DateType ? new DateType(text) : new DateTimeType(text));
            }
            case "postcodeDistrict" ->
                PostcodeDistrict.of(value.getValueAsString()).map(StringType::new);
            default -> Optional.empty();
        };
    }

    /** The band a birth date falls in today, e.g. 18-24 or 65+. */
    Optional<String> ageBand(PrimitiveType<?> value, Rule rule) {
        if (!(value instanceof BaseDateTimeType date)
                || date.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.empty();
        }
        var born = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
        int age = Period.between(born, LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .getYears();
        List<Integer> bands = rule.bands();
        for (int i = bands.size() - 1; i >= 0; i--) {
            if (age >= bands.get(i)) {
                return Optional.of(
                        i == bands.size() - 1 ? bands.get(i) + "+" : bands.get(i) + "-" + (bands.get(i + 1) - 1));
            }
        }
        return Optional.empty();
    }

    private Optional<Base> perturb(PrimitiveType<?> value, Rule rule) {
        if (value instanceof DecimalType decimal) {
            double v = decimal.getValue().doubleValue();
            var out = BigDecimal.valueOf(v + noise(v, rule)).setScale(rule.roundTo(), RoundingMode.HALF_UP);
            return Optional.of(new DecimalType(out));
        }
        if (value instanceof IntegerType integer) {
            int v = integer.getValue();
            var out = (IntegerType) integer.copy();
            out.getExtension().clear();
            out.setValue((int) Math.round(v + noise(v, rule)));
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private double noise(double value, Rule rule) {
        double span = rule.proportional() ? Math.abs(value) * rule.span() : rule.span();
        return span == 0 ? 0 : random.nextDouble(-span, span);
    }

    /** AES-GCM with a fresh 96-bit IV: Base64 of IV, ciphertext and tag. */
    String encrypt(String plain) {
        try {
            byte[] iv = new byte[GCM_IV_BYTES];
            new java.security.SecureRandom().nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(encryptKey, 0, 32, "AES"),
                    new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The inverse of {@link #encrypt}, for those who hold the key. */
    static String decrypt(String sealed, byte[] key) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, 0, 32, "AES"),
                    new GCMParameterSpec(GCM_TAG_BITS, all, 0, GCM_IV_BYTES));
            return new String(cipher.doFinal(all, GCM_IV_BYTES, all.length - GCM_IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot decrypt: wrong key or altered value", e);
        }
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
