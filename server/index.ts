import http from 'node:http';
import { loadConfig } from './config.ts';
import { createApp } from './app.ts';
import { setApp } from './context.ts';
import { compressResponse } from './http/compress.ts';

/**
 * Production entry: one port for SvelteKit's handler and the sync WebSocket
 * upgrade. adapter-node's handler.js reads neither PORT/HOST nor SIGTERM for
 * us when embedded, so both are handled here.
 */

const config = loadConfig();
const app = await createApp(config);
setApp(app);

// adapter-node's handler builds each request's origin from headers and assumes
// https, which would make SvelteKit refuse every form POST over plain http.
// Unless a proxy header is configured, tell it what this process serves:
// ORIGIN when set, else http on the requested Host.
const ownOrigin = !process.env.PROTOCOL_HEADER;
if (ownOrigin) {
	process.env.PROTOCOL_HEADER = 'x-drawline-protocol';
	if (config.origin) process.env.HOST_HEADER = 'x-drawline-host';
}
function stampOrigin(req: http.IncomingMessage): void {
	if (!ownOrigin) return;
	const origin = config.origin ? new URL(config.origin) : null;
	req.headers['x-drawline-protocol'] = origin ? origin.protocol.slice(0, -1) : 'http';
	if (origin) req.headers['x-drawline-host'] = origin.host;
}

const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as {
	handler: http.RequestListener;
};

const server = http.createServer((req, res) => {
	stampOrigin(req);
	compressResponse(req, res);
	handler(req, res);
});

// Sync sockets share the port; any other upgrade path has no handler here.
server.on('upgrade', (req, socket, head) => {
	if (app.sync.handleUpgrade(req, socket, head)) return;
	socket.on('error', () => socket.destroy());
	socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
});

server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	console.log(
		`Drawline listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
	);
});

/**
 * SIGTERM: stop accepting connections, let the sync service flush every room
 * and close its sockets with 1012 (clients reconnect and re-sync), close the
 * store, then exit 0.
 */
let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing`);
	server.close();
	server.closeIdleConnections();
	try {
		await app.close();
	} catch (error) {
		console.error('shutdown: closing the app failed', error);
		process.exitCode = 1;
	}
	server.closeAllConnections();
	process.exit();
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
