/**
 * How the end-to-end tests and the browser benchmark launch Chromium: Debian's build (the
 * Playwright download is not reachable here), without a sandbox or GPU, and without the work a
 * new window of it does for its own address bar. Each new window (a Playwright context) built
 * the address bar's WebUI popups in a renderer of their own, and on this 2-core machine that
 * used more CPU than the page under test.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH =
	process.env.CHROMIUM_PATH ||
	['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/*
 * Chromium reads one --disable-features switch, the last, so Playwright's own list (which
 * comes first) is repeated here with the address bar's popups added.
 */
const DISABLED_FEATURES = [
	'WebUIOmniboxPopup',
	'WebUIOmniboxFullPopup',
	'WebUIOmniboxAimPopup',
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch'
];

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	`--disable-features=${DISABLED_FEATURES.join(',')}`
];
