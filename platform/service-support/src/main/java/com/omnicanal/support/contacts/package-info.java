/** A read model of contacts kept from profile events, shared by the services that need one. */
package com.omnicanal.support.contacts;
