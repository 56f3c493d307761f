/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { drawlineDevServer } from './server/dev-plugin.ts';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter(),
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
