/**
 * Fails when code that can reach the browser bundle imports from `server/`.
 *
 * Everything under `src/` can end up in the browser except what SvelteKit keeps on the server by
 * itself (`src/lib/server/**`, `*.server.ts`, `+server.ts`, `hooks.server.ts`) and type
 * declarations (`*.d.ts`, never bundled). SvelteKit refuses those server-only modules in browser
 * code, but it knows nothing of our `server/` folder, so an import of it from a component would
 * bundle Node-only code, or worse, server secrets. Run by `npm run check`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Violation = { file: string; line: number; specifier: string };

const SOURCE = /\.(ts|js|svelte)$/;

/** True for a file under `src/` that SvelteKit never sends to the browser. */
export function isServerOnly(relativeToSrc: string): boolean {
	const file = relativeToSrc.split(path.sep).join('/');
	const name = path.posix.basename(file);
	return (
		file.startsWith('lib/server/') ||
		/\.server\.(ts|js)$/.test(name) ||
		/^\+server\.(ts|js)$/.test(name) ||
		name.endsWith('.d.ts')
	);
}

// Static imports and re-exports (`from '…'`), side-effect imports and dynamic `import('…')`.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** The imports in `text` (a file at `file`) that point into `serverDir`. */
export function serverImports(text: string, file: string, serverDir: string): Violation[] {
	const found: Violation[] = [];
	for (const match of text.matchAll(IMPORT)) {
		const specifier = match[2];
		const intoServer =
			specifier === '#server' ||
			specifier.startsWith('#server/') ||
			(specifier.startsWith('.') &&
				isInside(path.resolve(path.dirname(file), specifier), serverDir));
		if (!intoServer) continue;
		const line = text.slice(0, match.index).split('\n').length;
		found.push({ file, line, specifier });
	}
	return found;
}

const isInside = (target: string, dir: string): boolean => {
	const relative = path.relative(dir, target);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

function* sourceFiles(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* sourceFiles(full);
		else if (SOURCE.test(entry.name)) yield full;
	}
}

/** Every import of `server/` from browser-reachable code under `root/src`. */
export function findBrowserServerImports(root: string): Violation[] {
	const srcDir = path.join(root, 'src');
	const serverDir = path.join(root, 'server');
	const violations: Violation[] = [];
	for (const file of sourceFiles(srcDir)) {
		if (isServerOnly(path.relative(srcDir, file))) continue;
		violations.push(...serverImports(readFileSync(file, 'utf8'), file, serverDir));
	}
	return violations;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const root =
		process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
	const violations = findBrowserServerImports(root);
	for (const { file, line, specifier } of violations) {
		console.error(
			`${path.relative(root, file)}:${line}: imports '${specifier}', but browser code must not import from server/`
		);
	}
	if (violations.length > 0) process.exit(1);
}
