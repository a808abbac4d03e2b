/** Keycloak JWT resource-server setup shared by every service. */
package com.omnicanal.support.security;
