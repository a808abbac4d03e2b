/** The unified, paginated timeline of a customer, kept in monthly buckets fed by events. */
package com.omnicanal.profile.timeline;
