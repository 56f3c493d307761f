import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './nginx.ts';

/**
 * A Redis server of the test's own (Debian's redis-server), on an ephemeral
 * port and without persistence, so a test can kill and restart it without
 * touching the Redis that other tests and people share.
 */
export interface OwnRedis {
	url: string;
	/** SIGKILL: every connection drops, every subscription is gone. */
	kill(): Promise<void>;
	/** Starts again on the same port, empty. */
	start(): Promise<void>;
}

async function waitForPort(port: number, up: boolean): Promise<void> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open === up) return;
		if (Date.now() > deadline)
			throw new Error(`redis-server on ${port} did not come ${up ? 'up' : 'down'}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export async function startOwnRedis(): Promise<OwnRedis> {
	const port = await freePort();
	let child: ChildProcess | null = null;
	const start = async () => {
		child = spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				stdio: 'ignore'
			}
		);
		child.once('error', (error) => {
			throw new Error(
				`redis-server could not start (is Debian's redis-server installed?): ${error.message}`
			);
		});
		await waitForPort(port, true);
	};
	await start();
	return {
		url: `redis://127.0.0.1:${port}`,
		async kill() {
			const running = child;
			child = null;
			if (!running || running.exitCode !== null) return;
			const exited = new Promise((resolve) => running.once('exit', resolve));
			running.kill('SIGKILL');
			await exited;
			await waitForPort(port, false);
		},
		start
	};
}
