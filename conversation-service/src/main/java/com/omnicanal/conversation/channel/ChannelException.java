package com.omnicanal.conversation.channel;

/** The provider refused or could not take a message; the dispatcher then tries the next allowed channel. */
public class ChannelException extends RuntimeException {

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
