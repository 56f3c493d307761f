import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Debian's nginx as README's "Run several instances" configures it (round
 * robin, no sticky sessions, WebSocket upgrade), run unprivileged on an
 * ephemeral port with its files in a temporary directory.
 */
export interface Nginx {
	url: string;
	port: number;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export async function startNginx(port: number, upstreams: number[]): Promise<Nginx> {
	const dir = mkdtempSync(path.join(tmpdir(), 'drawline-nginx-'));
	const conf = path.join(dir, 'nginx.conf');
	writeFileSync(
		conf,
		`
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;

	map $http_upgrade $connection_upgrade {
		default upgrade;
		'' close;
	}
	upstream drawline {
${upstreams.map((p) => `\t\tserver 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
	}
	server {
		listen 127.0.0.1:${port};
		location / {
			proxy_pass http://drawline;
			proxy_http_version 1.1;
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header Upgrade $http_upgrade;
			proxy_set_header Connection $connection_upgrade;
			proxy_read_timeout 120s;
			proxy_next_upstream error timeout http_502 http_503;
		}
	}
}
`
	);
	// Debian installs it in /usr/sbin, which is not on every user's PATH.
	const binary = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
	const child: ChildProcess = spawn(
		binary,
		['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let stderr = '';
	child.stderr?.on('data', (d) => (stderr += d));
	const spawnFailed = new Promise<never>((_, reject) => {
		child.once('error', (error) =>
			reject(new Error(`nginx could not start (is Debian's nginx installed?): ${error.message}`))
		);
		child.once('exit', (code) => reject(new Error(`nginx exited with ${code}: ${stderr}`)));
	});
	const deadline = Date.now() + 10_000;
	const listening = (async () => {
		for (;;) {
			try {
				await fetch(`http://127.0.0.1:${port}/healthz`);
				return;
			} catch {
				if (Date.now() > deadline) throw new Error(`nginx did not listen: ${stderr}`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		}
	})();
	await Promise.race([listening, spawnFailed]);
	spawnFailed.catch(() => {});
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGQUIT');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
