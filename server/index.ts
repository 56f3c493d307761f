import http from 'node:http';
import { loadConfig } from './config.ts';
import { createApp } from './app.ts';
import { setApp } from './context.ts';

/**
 * Production entry: one port for SvelteKit's handler and the sync WebSocket
 * upgrade. adapter-node's handler.js reads neither PORT/HOST nor SIGTERM for
 * us when embedded, so both are handled here.
 */

const config = loadConfig();
const app = await createApp(config);
setApp(app);

const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as {
	handler: http.RequestListener;
};

const server = http.createServer(handler);

server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	console.log(
		`Drawline listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
	);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing`);
	server.close();
	await app.close();
	server.closeAllConnections();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
