import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowserServerImports } from './browser-imports.ts';

let root: string | null = null;

/** A project with `files` (path → content) and an empty `server/`. */
function project(files: Record<string, string>): string {
	root = mkdtempSync(path.join(tmpdir(), 'drawline-imports-'));
	mkdirSync(path.join(root, 'server'));
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), text);
	}
	return root;
}

afterEach(() => {
	if (root) rmSync(root, { recursive: true, force: true });
	root = null;
});

describe('browser → server import check', () => {
	it('finds server/ imports in components and browser modules, by alias or by path', () => {
		const dir = project({
			'src/lib/ui/Badge.svelte': `<script lang="ts">\n\timport type { X } from '#server/store/x.ts';\n</script>`,
			'src/lib/board-client/link.ts': `import { y } from '../../../server/sync/y.ts';`,
			'src/routes/+page.ts': `const m = await import('#server/app.ts');`
		});
		const found = findBrowserServerImports(dir).map((v) => [path.relative(dir, v.file), v.line]);
		expect(found.sort()).toEqual([
			['src/lib/board-client/link.ts', 1],
			['src/lib/ui/Badge.svelte', 2],
			['src/routes/+page.ts', 1]
		]);
	});

	it('lets server-only files and unrelated imports through', () => {
		const dir = project({
			'src/lib/server/access.ts': `import { a } from '#server/auth/access.ts';`,
			'src/routes/w/+page.server.ts': `import { b } from '../../../server/b.ts';`,
			'src/routes/api/+server.ts': `import { c } from '#server/c.ts';`,
			'src/hooks.server.ts': `import { d } from '../server/d.ts';`,
			'src/app.d.ts': `import type { App } from '#server/app.ts';`,
			'src/lib/ui/format.ts': `import { e } from '#lib/server/e.ts';\nimport { f } from './server/f.ts';`
		});
		expect(findBrowserServerImports(dir)).toEqual([]);
	});

	it('fails the command on a planted violation and passes once it is gone', () => {
		const dir = project({ 'src/lib/ui/leak.ts': `export { x } from '#server/config.ts';` });
		const run = () =>
			execFileSync(process.execPath, [path.join(import.meta.dirname, 'browser-imports.ts'), dir], {
				stdio: 'pipe'
			});
		expect(run).toThrow(/src\/lib\/ui\/leak\.ts:1: imports '#server\/config\.ts'/);
		writeFileSync(path.join(dir, 'src/lib/ui/leak.ts'), `export const x = 1;`);
		expect(run).not.toThrow();
	});
});
