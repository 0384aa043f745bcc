package org.callout.platform.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.CalloutProperties;
import org.callout.platform.LargeBodies;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies over the configured size: nothing Callout accepts (a signup, a list) is more than a
 * few kilobytes, and a 2 MB body is an attack or a mistake. A declared Content-Length over the limit is
 * refused before anything is read; a chunked body is counted as it is read and fails once past the limit.
 * (Tomcat's max-http-form-post-size applies the same limit to form posts.) Paths a module declares in a
 * {@link LargeBodies} bean get that bean's limit instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private record Larger(PathPattern pattern, long limit) {
	}

	private final long defaultLimit;

	private final List<Larger> larger;

	private final ProblemWriter problems;

	RequestBodyLimitFilter(CalloutProperties properties, List<LargeBodies> largeBodies, ProblemWriter problems) {
		this.defaultLimit = properties.maxRequestBody().toBytes();
		this.larger = largeBodies.stream()
			.flatMap(bodies -> bodies.patterns()
				.stream()
				.map(p -> new Larger(PathPatternParser.defaultInstance.parse(p), bodies.limit().toBytes())))
			.toList();
		this.problems = problems;
	}

	private long limitFor(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return larger.stream()
			.filter(l -> l.pattern().matches(path))
			.mapToLong(Larger::limit)
			.reduce(defaultLimit, Math::max);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		if (request.getContentLengthLong() > limit) {
			response.setStatus(413);
			// Close the connection: otherwise the unread body keeps it busy (and holds up a graceful shutdown).
			response.setHeader("Connection", "close");
			if (request.getRequestURI().startsWith("/api/")) {
				problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
						"Request bodies are limited to " + limit + " bytes.");
			}
			else {
				response.setContentType(MediaType.TEXT_PLAIN_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write("This request is too large. / Esta solicitud es demasiado grande.");
			}
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, limit) : request, response);
	}

	/** Thrown while reading a body (of unknown length) that turned out too large. */
	static class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("Request bodies are limited to " + limit + " bytes.");
		}

	}

	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream counted;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (counted == null) {
				ServletInputStream in = super.getInputStream();
				counted = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						count(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws BodyTooLargeException {
						read += n;
						if (read > limit) {
							throw new BodyTooLargeException(limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return counted;
		}

	}

}
