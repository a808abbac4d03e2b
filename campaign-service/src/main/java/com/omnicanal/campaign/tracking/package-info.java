/** Trackable links: per-recipient short links in journey messages and campaign QR codes, counted when opened. */
package com.omnicanal.campaign.tracking;
