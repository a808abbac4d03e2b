package com.omnicanal.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("ana").issuedAt(NOW.minusSeconds(10))
                .expiresAt(NOW.plusSeconds(300)).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofHours(1));

        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("ana");
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("ana");
        decoder.decode("token-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndAnInvalidOneIsNeverKept() {
        MutableClock clock = new MutableClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, 100, Duration.ofHours(1));
        decoder.decode("token-a");
        clock.now = NOW.plusSeconds(301);
        decoder.decode("token-a");
        assertThat(verifications).hasValue(2);

        assertThatThrownBy(() -> decoder.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(4);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
