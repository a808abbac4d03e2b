/** Live counters per journey, phase, step, channel and variant, A/B significance and attributed revenue. */
package com.omnicanal.campaign.measurement;
