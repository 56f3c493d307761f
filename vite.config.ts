/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { drawlineDevServer } from './server/dev-plugin.ts';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter(),
			// Scripts run only from the app's own files and SvelteKit's nonce-stamped bootstrap.
			// Styles may be inline (Svelte's style: directives and transitions write them), which
			// is why every colour rendered into one passes styleColor first. hooks.server.ts adds
			// the sync socket's ws:/wss: origin to connect-src, which is only known per request.
			csp: {
				mode: 'nonce',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'worker-src': ['self'],
					'manifest-src': ['self'],
					'object-src': ['none'],
					'frame-src': ['none'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'form-action': ['self']
				}
			},
			// Registered per workshop by the board page (src/lib/board-client/offline.ts), not site-wide.
			serviceWorker: { register: false }
		}),
		drawlineDevServer()
	],
	server: { port: 3000, strictPort: true },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'server/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
