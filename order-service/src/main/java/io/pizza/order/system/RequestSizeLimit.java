package io.pizza.order.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import io.pizza.order.config.OrderServiceProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code order-service.max-request-size} with a 413 problem
 * detail: at once when the declared length is too large, while reading when a body sent
 * without a length grows too large.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final long limit;

	RequestSizeLimit(OrderServiceProperties properties) {
		this.limit = properties.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
						+ "\"detail\":\"The body is larger than the limit of " + this.limit
						+ " bytes.\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
			return;
		}
		chain.doFilter(new Limited(request, this.limit), response);
	}

	/** A body that turned out larger than the limit while it was read. */
	static class TooLarge extends IOException {

		TooLarge(long limit) {
			super("Request body larger than " + limit + " bytes");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws TooLarge {
					this.read += n;
					if (this.read > Limited.this.limit) {
						throw new TooLarge(Limited.this.limit);
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

	}

}
