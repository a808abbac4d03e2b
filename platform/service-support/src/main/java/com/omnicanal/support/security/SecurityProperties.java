package com.omnicanal.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** Paths a service serves without a token (webhooks, public pages); everything else needs one. */
@ConfigurationProperties("omni.security")
public record SecurityProperties(@DefaultValue List<String> publicPaths) {
}
