/** Journeys: definitions in five phases, validated against a published JSON Schema, versioned, with states. */
package com.omnicanal.campaign.journey;
