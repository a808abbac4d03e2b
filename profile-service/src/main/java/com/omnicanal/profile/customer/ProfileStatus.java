package com.omnicanal.profile.customer;

/** Only active profiles take part in resolution; a merged one points to its survivor, an erased one is a tombstone. */
public enum ProfileStatus { ACTIVE, MERGED, ERASED }
