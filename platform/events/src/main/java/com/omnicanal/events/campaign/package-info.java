/** Events published by campaign-service on the omni.campaign exchange. */
package com.omnicanal.events.campaign;
