package org.callout.platform.internal;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AuditLog;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A console form a page controller refused (it answered 4xx and showed the form again with its errors) leaves one
 * {@code refused} entry, as a refused API write does, unless the controller recorded one itself. Sign-in and setup
 * have their own, throttled, records; a stale form (CSRF) was not an attempt the rules refused.
 */
@Configuration(proxyBeanMethods = false)
class PageRefusalRecorder implements WebMvcConfigurer, HandlerInterceptor {

	private static final Set<String> OWN_RECORDS = Set.of("/console/login", "/console/setup", "/console/logout");

	private final AuditLog audit;

	PageRefusalRecorder(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/console/**");
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		int status = response.getStatus();
		if (change && status >= 400 && status < 500 && request.getAttribute(RecordingAuditLog.RECORDED) == null
				&& !org.callout.platform.PageForms.csrfRejected(request) && !OWN_RECORDS.contains(request.getServletPath())) {
			audit.refused("refused", request.getMethod() + " " + request.getRequestURI(), "the form was refused (" + status + ")");
		}
	}

}
