package com.omnicanal.support.privacy;

/** A feature that holds personal data and erases it when a profile is erased; must be idempotent. */
@FunctionalInterface
public interface ErasureParticipant {

    void erase(String profileId);
}
