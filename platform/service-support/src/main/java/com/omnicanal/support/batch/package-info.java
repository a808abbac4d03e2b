/** Group commit: many concurrent requests written together in one round of bulk store operations. */
package com.omnicanal.support.batch;
