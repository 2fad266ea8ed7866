package io.pizza.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with a 413 problem detail: at once when the
 * declared length is too large, while reading when a body sent without a length grows too
 * large (the service's problem handling tells by {@link #exceededBy}). Every service that
 * takes a body registers one, with a limit of its own.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

	private final long limit;

	/**
	 * A limit.
	 * @param limit the largest body accepted
	 */
	public RequestSizeLimit(DataSize limit) {
		this.limit = limit.toBytes();
	}

	/**
	 * Whether a failure to read a body came from a body larger than the limit.
	 * @param ex the failure
	 * @return {@code true} when the body was too large
	 */
	public static boolean exceededBy(Throwable ex) {
		return NestedExceptionUtils.getMostSpecificCause(ex) instanceof TooLarge;
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
	private static final class TooLarge extends IOException {

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
