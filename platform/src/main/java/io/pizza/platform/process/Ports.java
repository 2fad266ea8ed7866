package io.pizza.platform.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Tells whether a port is free to listen on, and whether something answers on it.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Whether nothing listens on a port of this machine's loopback yet.
	 * @return whether a server could listen on it
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether something answers on a port of this machine's loopback.
	 * @return whether a connection was accepted within half a second
	 */
	public static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether a server answers behind a port of this machine's loopback that a relay (the
	 * gateway to the platform's own network) listens on: the relay closes a connection it
	 * cannot pass on at once, where a server waits for the client's first words.
	 * @return whether a connection was accepted and held open for a moment
	 */
	public static boolean isReachable(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			socket.setSoTimeout(300);
			return socket.getInputStream().read() != -1;
		}
		catch (SocketTimeoutException ex) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
