package org.safeguardfhir.server.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller's roles, scopes and SMART context claims out of a verified token. */
class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final List<String> rolesClaimPath;

    CallerTokenConverter(SecurityProperties properties) {
        this.rolesClaimPath = List.of(properties.rolesClaim().split("\\."));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new CallerAuthentication(jwt, caller(jwt));
    }

    Caller caller(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        values(claim(jwt.getClaims(), rolesClaimPath))
                .forEach(value -> Role.fromClaimValue(value).ifPresent(roles::add));
        var scopes = values(jwt.getClaims().get("scope")).stream()
                .map(SmartScope::parse)
                .flatMap(Optional::stream)
                .toList();
        return new Caller(
                Optional.ofNullable(jwt.getSubject()).orElse(""),
                roles,
                scopes,
                Optional.ofNullable(jwt.getClaimAsString("patient")),
                Optional.ofNullable(jwt.getClaimAsString("fhirUser")));
    }

    private static Object claim(Map<String, Object> claims, List<String> path) {
        Object value = claims;
        for (String step : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    /** A claim holding a list, or one space- or comma-separated string, as identity providers variously send them. */
    private static List<String> values(Object claim) {
        var values = new ArrayList<String>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(item -> values.add(String.valueOf(item)));
        } else if (claim instanceof String text) {
            values.addAll(Arrays.asList(text.trim().split("[\\s,]+")));
        }
        values.removeIf(String::isBlank);
        return values;
    }
}
