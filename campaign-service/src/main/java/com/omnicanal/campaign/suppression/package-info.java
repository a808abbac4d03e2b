/** Suppression: the customers with an open complaint, kept from conversation-service's events. */
package com.omnicanal.campaign.suppression;
