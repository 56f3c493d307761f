import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.e2e.ts',
	outputDir: '../.artifacts/playwright',
	fullyParallel: false,
	workers: 1,
	// Two browsers, a server and a sync room share two cores: a test that fails once and then
	// passes is reported as flaky in the summary (and its first trace is kept) rather than
	// blocking everything that landed with it. A real defect fails both tries.
	retries: 1,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		headless: true,
		viewport: { width: 1440, height: 900 },
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
		trace: 'retain-on-first-failure'
	}
});
