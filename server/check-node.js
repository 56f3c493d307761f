// Runs first under whatever Node is installed, before anything that needs a newer one (node:sqlite,
// .ts files), so it is plain JavaScript an old Node still parses, and says in one line what to do.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = /^>=\s*(\d+)\.(\d+)/.exec(engines.node);
if (!needed)
	throw new Error(`package.json engines.node must read ">=MAJOR.MINOR": ${engines.node}`);
const [major, minor] = process.versions.node.split('.').map(Number);
const [neededMajor, neededMinor] = [Number(needed[1]), Number(needed[2])];

if (major < neededMajor || (major === neededMajor && minor < neededMinor)) {
	console.error(
		`Drawline needs Node ${neededMajor}.${neededMinor} or newer, but this is Node ${process.versions.node}: ` +
			'install the current LTS from https://nodejs.org (or run `nvm install --lts`), then try again.'
	);
	process.exit(1);
}
