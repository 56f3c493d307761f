import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Starts the real production entry (`node server/index.ts`) on an ephemeral
 * port with its own data directory, the way a user runs it. Needs `vite build`
 * to have produced build/handler.js (npm test does that first).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
	url: string;
	port: number;
	dataDir: string;
	/** DATABASE_URL when started on PostgreSQL. */
	databaseUrl?: string;
	process: ChildProcess;
	output: () => string;
	/** SIGTERM and wait for exit; returns the exit code. */
	stop(): Promise<number | null>;
	/** SIGKILL: nothing gets a chance to flush. */
	kill(): Promise<void>;
	/** Remove the data directory (after stop or kill). */
	cleanup(): void;
}

export interface StartOptions {
	dataDir?: string;
	port?: number;
	env?: Record<string, string>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'drawline-test-'));
	const child = spawn(process.execPath, [path.join(ROOT, 'server/index.ts')], {
		cwd: ROOT,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(options.port ?? 0),
			DATA_DIR: dataDir,
			DATABASE_PATH: '',
			ORIGIN: '',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout.on('data', (d) => (log += d));
	child.stderr.on('data', (d) => (log += d));

	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20_000);
		const onData = () => {
			const match = /listening on http:\/\/[^:]+:(\d+)/.exec(log);
			if (match) {
				clearTimeout(timer);
				child.stdout.off('data', onData);
				resolve(Number(match[1]));
			}
		};
		child.stdout.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before listening:\n${log}`));
		});
	});

	const exited = new Promise<number | null>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
		else child.once('exit', (code) => resolve(code));
	});

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		dataDir,
		databaseUrl: options.env?.DATABASE_URL,
		process: child,
		output: () => log,
		async stop() {
			child.kill('SIGTERM');
			return exited;
		},
		async kill() {
			child.kill('SIGKILL');
			await exited;
		},
		cleanup() {
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
