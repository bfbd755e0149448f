package syncjob.binance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

import javax.net.SocketFactory;

/**
 * Sockets bound to one local address before they connect ({@code binance.local-address}):
 * Binance counts request weight per IP, so a machine with several addresses (or loopback
 * 127.0.0.2, 127.0.0.3 in tests) can give each process its own budget. OkHttp asks for an
 * unconnected socket and connects it itself; only that form is needed, the others bind too.
 */
final class LocalAddressSocketFactory extends SocketFactory {

	private final InetAddress local;

	private LocalAddressSocketFactory(InetAddress local) {
		this.local = local;
	}

	/** @param address an IP literal (no name is resolved) */
	static LocalAddressSocketFactory of(String address) {
		try {
			return new LocalAddressSocketFactory(InetAddress.getByName(address));
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException("binance.local-address=" + address + " is not an IP address", e);
		}
	}

	/** Whether a socket can be bound to the address here: false when it is not one of this machine's. */
	static boolean bindable(String address) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		try {
			socket.bind(new InetSocketAddress(local, 0));
		}
		catch (IOException e) {
			socket.close();
			throw new IOException("cannot bind an outgoing connection to binance.local-address="
					+ local.getHostAddress() + " (" + e.getMessage() + "): it must be an address of this machine", e);
		}
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return createSocket(InetAddress.getByName(host), port);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return new Socket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return new Socket(host, port, local, 0);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return new Socket(address, port, localAddress, localPort);
	}
}
