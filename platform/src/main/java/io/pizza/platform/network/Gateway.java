package io.pizza.platform.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How this machine's loopback reaches the parts on the platform's network, with no
 * address of that network in this machine's own namespace: two halves joined by Unix
 * sockets, which belong to the file system and so to every namespace. The host half, in
 * this machine's namespace, listens on {@code 127.0.0.1} on each part's port, as without
 * the network; the lan half, in the bridge's namespace, connects each connection on to
 * the part's address. {@code ./pizza} commands, browsers and the benchmark reach the
 * parts as before; the parts reach each other on the bridge, where faults are made.
 */
public final class Gateway {

	private Gateway() {
	}

	/**
	 * Runs one half: {@code host FOLDER PORT=ADDRESS:PORT...} or
	 * {@code lan FOLDER PORT=ADDRESS:PORT...}.
	 * @param args the half, the folder of its Unix sockets, and its routes
	 * @throws IOException when a route cannot be listened on
	 */
	public static void main(String[] args) throws IOException {
		boolean host = args[0].equals("host");
		Path sockets = Path.of(args[1]);
		Files.createDirectories(sockets);
		List<Thread> listeners = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			String[] route = args[i].split("=", 2);
			int port = Integer.parseInt(route[0]);
			Path socket = sockets.resolve(port + ".sock");
			Thread listener = host ? listen(port, socket) : listen(socket, target(route[1]));
			listeners.add(listener);
		}
		System.out.println("gateway " + args[0] + " routes " + (args.length - 2) + " ports");
		for (Thread listener : listeners) {
			try {
				listener.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static InetSocketAddress target(String address) {
		int colon = address.lastIndexOf(':');
		return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
	}

	// the host half: loopback's port to the lan half's socket
	private static Thread listen(int port, Path socket) throws IOException {
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress("127.0.0.1", port));
		return accepting("gateway-" + port, server, () -> {
			SocketChannel lan = SocketChannel.open(StandardProtocolFamily.UNIX);
			lan.connect(UnixDomainSocketAddress.of(socket));
			return lan;
		});
	}

	// the lan half: a socket to the part's address and port
	private static Thread listen(Path socket, InetSocketAddress target) throws IOException {
		Files.deleteIfExists(socket);
		ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		server.bind(UnixDomainSocketAddress.of(socket));
		return accepting("gateway-" + socket.getFileName(), server, () -> SocketChannel.open(target));
	}

	private static Thread accepting(String name, ServerSocketChannel server, Connector connector) {
		Thread thread = new Thread(() -> {
			while (server.isOpen()) {
				try {
					SocketChannel client = server.accept();
					try {
						SocketChannel onward = connector.connect();
						AtomicInteger directions = new AtomicInteger(2);
						Runnable done = () -> {
							if (directions.decrementAndGet() == 0) {
								closeQuietly(client);
								closeQuietly(onward);
							}
						};
						pump(client, onward, done);
						pump(onward, client, done);
					}
					catch (IOException ex) {
						// the part is not there: the client sees its connection closed
						client.close();
					}
				}
				catch (IOException ex) {
					return;
				}
			}
		}, name);
		thread.start();
		return thread;
	}

	// one direction of a connection, on a thread of its own; an end read closes that
	// direction on the other side, as TCP would, and the connection is closed once both
	// directions are done
	private static void pump(SocketChannel from, SocketChannel to, Runnable done) {
		Thread thread = new Thread(() -> {
			ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
			try {
				while (from.read(buffer) >= 0) {
					buffer.flip();
					while (buffer.hasRemaining()) {
						to.write(buffer);
					}
					buffer.clear();
				}
				to.shutdownOutput();
			}
			catch (IOException ex) {
				closeQuietly(from);
				closeQuietly(to);
			}
			finally {
				done.run();
			}
		}, "gateway-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	@FunctionalInterface
	private interface Connector {

		SocketChannel connect() throws IOException;

	}

}
