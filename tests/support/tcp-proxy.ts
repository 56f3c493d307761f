import net from 'node:net';

/**
 * A TCP forwarder on an ephemeral port, for cutting one server's link to a
 * dependency (PostgreSQL) without stopping the dependency others use.
 */
export interface TcpProxy {
	port: number;
	/** Drops every forwarded connection and refuses new ones. */
	cut(): Promise<void>;
	/** Accepts and forwards again, on the same port. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

export async function startTcpProxy(
	targetPort: number,
	targetHost = '127.0.0.1'
): Promise<TcpProxy> {
	const sockets = new Set<net.Socket>();
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	};
	const createServer = () =>
		net.createServer((client) => {
			const upstream = net.connect(targetPort, targetHost);
			track(client);
			track(upstream);
			client.pipe(upstream).pipe(client);
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
		});
	let server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as net.AddressInfo).port;
	const stop = async () => {
		const closed = new Promise((resolve) => server.close(resolve));
		for (const socket of sockets) socket.destroy();
		await closed;
	};
	return {
		port,
		cut: stop,
		async restore() {
			server = createServer();
			await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		},
		async close() {
			if (server.listening) await stop();
		}
	};
}
