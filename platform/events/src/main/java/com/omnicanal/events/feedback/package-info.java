/** Events published by feedback-service on the omni.feedback exchange. */
package com.omnicanal.events.feedback;
