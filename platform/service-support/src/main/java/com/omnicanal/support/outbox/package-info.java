/** Transactional outbox without multi-document transactions: staged events, marked writes, confirmed relay. */
package com.omnicanal.support.outbox;
