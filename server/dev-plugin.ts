import type { Plugin } from 'vite';
import { loadConfig } from './config.ts';
import { createApp } from './app.ts';
import { setApp } from './context.ts';
import { compressResponse } from './http/compress.ts';

/**
 * `vite dev` runs the same server code as production: the app object is
 * created here and shared with SvelteKit's hooks through the context global.
 */
export function drawlineDevServer(): Plugin {
	return {
		name: 'drawline-dev-server',
		apply: 'serve',
		async configureServer(vite) {
			if (process.env.VITEST) return;
			const app = await createApp(loadConfig());
			setApp(app);
			vite.middlewares.use((req, res, next) => {
				compressResponse(req, res);
				next();
			});
			// The same upgrade handler as production; it leaves Vite's hot-reload socket alone.
			vite.httpServer?.on('upgrade', (req, socket, head) => {
				app.sync.handleUpgrade(req, socket, head);
			});
			vite.httpServer?.on('close', () => void app.close());
		}
	};
}
