/**
 * `npm start` builds the app only when something the build is made from changed since the last
 * build, so a plain restart starts at once instead of spending ~20 s in `vite build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILT = path.join(ROOT, 'build/handler.js');
// server/ is in the list because the SvelteKit hooks and routes bundle parts of it.
const INPUTS = [
	'src',
	'server',
	'static',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json'
];

function newestChange(entry: string): number {
	const full = path.join(ROOT, entry);
	if (!existsSync(full)) return 0;
	const stat = statSync(full);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(full, { recursive: true, withFileTypes: true })
		.filter((file) => file.isFile())
		.reduce(
			(newest, file) => Math.max(newest, statSync(path.join(file.parentPath, file.name)).mtimeMs),
			0
		);
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
if (INPUTS.some((entry) => newestChange(entry) > builtAt)) {
	console.log(builtAt ? 'Sources changed since the last build; building…' : 'Building the app…');
	const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
	const { status } = spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit' });
	process.exit(status ?? 1);
}
