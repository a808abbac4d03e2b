/** Broadcasts: a journey sent to every member of a segment, streamed, with progress, pause, resume and cancel. */
package com.omnicanal.campaign.broadcast;
