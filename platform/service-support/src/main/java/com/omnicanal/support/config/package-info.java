/** Auto-configuration and platform-wide defaults for every service. */
package com.omnicanal.support.config;
