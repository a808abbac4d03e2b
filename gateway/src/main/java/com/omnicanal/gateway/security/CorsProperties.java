package com.omnicanal.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** The web and mobile origins allowed to call the API from a browser. */
@ConfigurationProperties("omni.cors")
record CorsProperties(@DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> origins) {
}
