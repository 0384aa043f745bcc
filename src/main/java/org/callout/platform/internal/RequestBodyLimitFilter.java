package org.callout.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.CalloutProperties;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size before anything reads them: nothing Callout accepts
 * (a signup, a list) is more than a few kilobytes, and a 2 MB body is an attack or a mistake.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	RequestBodyLimitFilter(CalloutProperties properties) {
		this.limit = properties.maxRequestBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (length > limit || chunked) {
			response.setStatus(413);
			// Close the connection: otherwise the unread body keeps it busy (and holds up a graceful shutdown).
			response.setHeader("Connection", "close");
			if (request.getRequestURI().startsWith("/api/")) {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
						+ "\"detail\":\"Request bodies are limited to " + limit + " bytes.\"}");
			}
			else {
				response.setContentType(MediaType.TEXT_PLAIN_VALUE);
				response.getWriter().write("This request is too large.");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
