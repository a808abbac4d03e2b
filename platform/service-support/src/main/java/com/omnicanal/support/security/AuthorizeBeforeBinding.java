package com.omnicanal.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a handler's {@code @PreAuthorize} before its arguments are bound and validated, so a caller without the
 * right role gets 403 and never a 400 that would describe the endpoint. Role-only expressions (ours) need no args.
 */
class AuthorizeBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();
    // the manager looks a method without @PreAuthorize up again on every request (it caches only found ones)
    private final Map<Method, Boolean> guarded = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && guarded.computeIfAbsent(method.getMethod(), m -> guarded(method))) {
            SimpleMethodInvocation invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
            AuthorizationResult result = manager.authorize(SecurityContextHolder.getContext()::getAuthentication, invocation);
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("denied before binding");
            }
        }
        return true;
    }

    private static boolean guarded(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
