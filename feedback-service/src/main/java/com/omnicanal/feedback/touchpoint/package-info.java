/** Touchpoints: a QR code per store or spot that opens a survey tagged with it, printable, rate-limited in public. */
package com.omnicanal.feedback.touchpoint;
