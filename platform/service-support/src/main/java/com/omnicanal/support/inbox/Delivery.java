package com.omnicanal.support.inbox;

import java.util.Map;

/** One event of a delivery batch: its CloudEvents id and type, the decoded record, and what came with it. */
record Delivery(String id, String type, Object event, boolean redelivered, String queue, byte[] body,
                Map<String, Object> headers) {

    Delivery with(Object decoded) {
        return new Delivery(id, type, decoded, redelivered, queue, body, headers);
    }
}
