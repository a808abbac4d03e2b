/** The closed loop, measured: each detractor's recovery case from opening to first contact, close and re-survey. */
package com.omnicanal.feedback.loop;
