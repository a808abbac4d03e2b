/** Events published by profile-service on the omni.profile exchange. */
package com.omnicanal.events.profile;
