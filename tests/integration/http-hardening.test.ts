import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../../src/lib/templates/index.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { signUpPerson, createWorkshop, type Person } from '../support/workshop-http.ts';
import {
	createCharterWorkshop,
	publishOverHttp,
	writeFixtureBoard
} from '../support/charter-board.ts';

/**
 * The HTTP surface against hostile or careless input, on the real server: redirect targets,
 * who may read /metrics, creation caps, the headers member and share pages carry, and the
 * sign-in throttle seen from two addresses.
 */

// As they arrive in a query string; the sign-in and sign-up pages put the decoded value in the
// form's hidden `next` field, so both are tried.
const NASTY_NEXT = [
	'//evil.example/',
	'/%5Cevil.example',
	'/%09/evil.example',
	'/%0a/evil.example',
	'%2F%2Fevil.example',
	'https://evil.example/',
	'javascript:alert(1)'
];

const decoded = (raw: string) => new URLSearchParams(`next=${raw}`).get('next') ?? '';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function post(
	server: RunningServer,
	path: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {}
): Promise<Response> {
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		body: form(fields),
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		}
	});
}

function sameOriginPath(location: string | null): boolean {
	if (!location) return false;
	const resolved = new URL(location, 'http://app.invalid/');
	return (
		resolved.origin === 'http://app.invalid' &&
		location.startsWith('/') &&
		!location.startsWith('//')
	);
}

describe('HTTP hardening', () => {
	let server: RunningServer;
	let fay: Person;
	let workshopId = '';
	const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

	beforeAll(async () => {
		server = await startServer({
			env: {
				METRICS_TOKEN,
				INSTANCE_NAME: 'drawline-a',
				MAX_WORKSHOPS_PER_HOUR: '2',
				MAX_OPEN_INVITES: '2',
				MAX_SHARE_LINKS: '1'
			}
		});
		fay = await signUpPerson(server, 'Fay Facilitator');
		workshopId = await createCharterWorkshop(server, fay);
		await writeFixtureBoard(server, fay, workshopId);
	});

	afterAll(async () => {
		await server?.stop();
		server?.cleanup();
	});

	it.each(NASTY_NEXT)(
		'sends a new account to / for next=%s, never elsewhere or a 500',
		async (raw) => {
			const next = decoded(raw);
			const username = `nx${Math.random().toString(36).slice(2, 10)}`;
			const up = await post(server, `/signup?next=${raw}`, {
				username,
				displayName: 'Next Tester',
				password: 'correct horse battery staple',
				next
			});
			expect(up.status).toBe(303);
			expect(up.headers.get('location')).toBe('/');

			const cookie = up.headers.getSetCookie()[0].split(';')[0];
			const again = await fetch(`${server.url}/signin?next=${raw}`, {
				redirect: 'manual',
				headers: { cookie, accept: 'text/html' }
			});
			expect(again.status).toBe(303);
			expect(again.headers.get('location')).toBe('/');

			const signedIn = await post(server, '/signin', {
				username,
				password: 'correct horse battery staple',
				next
			});
			expect(signedIn.status).toBe(303);
			expect(sameOriginPath(signedIn.headers.get('location'))).toBe(true);
			expect(signedIn.headers.get('location')).toBe('/');
		}
	);

	it('still follows a plain path after sign-in', async () => {
		const username = `np${Math.random().toString(36).slice(2, 10)}`;
		const up = await post(server, '/signup', {
			username,
			displayName: 'Plain Path',
			password: 'correct horse battery staple',
			next: `/w/${workshopId}?tab=board`
		});
		expect(up.headers.get('location')).toBe(`/w/${workshopId}?tab=board`);
	});

	it('serves /metrics only with the bearer token when one is set', async () => {
		expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${server.url}/metrics`, {
			headers: { authorization: 'Bearer not-the-token' }
		});
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
		const right = await fetch(`${server.url}/metrics`, {
			headers: { authorization: `Bearer ${METRICS_TOKEN}` }
		});
		expect(right.status).toBe(200);
		const text = await right.text();
		expect(text).toContain('drawline_sync_connections');
		expect(text).toMatch(/^drawline_instance_info\{instance="drawline-a",version="[^"]+"\} 1$/m);
	});

	it('sends a CSP on every page and keeps member and share pages out of caches', async () => {
		const landing = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
		const csp = landing.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("base-uri 'self'");
		expect(csp).toContain("form-action 'self'");
		expect(csp).toContain("img-src 'self' data:");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

		const board = await fetch(`${server.url}/w/${workshopId}`, {
			headers: { accept: 'text/html', cookie: fay.cookie }
		});
		expect(board.status).toBe(200);
		expect(board.headers.get('cache-control')).toBe('private, no-store');
		expect(board.headers.get('content-security-policy')).toContain('script-src');

		await publishOverHttp(server, fay, workshopId);
		const shared = await fay.form(`/w/${workshopId}/charter/share?/create`, { version: 'latest' });
		const link = /\/c\/[a-z2-7]{16,64}/.exec(await shared.text())?.[0];
		expect(link).toBeTruthy();
		const share = await fetch(server.url + link, { headers: { accept: 'text/html' } });
		expect(share.status).toBe(200);
		expect(share.headers.get('cache-control')).toBe('private, no-store');
		expect(share.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('caps share links and open invites per workshop, and workshops per hour, saying so', async () => {
		const share = await fay.form(`/w/${workshopId}/charter/share?/create`, { version: 'latest' });
		expect(share.status).toBe(429);
		expect(await share.text()).toContain('already has 1 open share links');

		for (let i = 0; i < 2; i++) {
			const created = await fay.form(`/w/${workshopId}/settings?/createInvite`, {
				role: 'participant',
				label: `Link ${i}`
			});
			expect(await created.text()).toMatch(/\/invite\/[a-z2-7]{32}/);
		}
		const third = await fay.form(`/w/${workshopId}/settings?/createInvite`, {
			role: 'reader',
			label: ''
		});
		expect(third.status).toBe(429);
		expect(await third.text()).toContain('already has 2 open invite links');

		await createWorkshop(server, fay, { template: 'blank' });
		const roles = DEFAULT_ROLES.slice(0, 3);
		const refused = await fay.form('/workshops/new', {
			title: 'One too many',
			team: 'Checkout',
			template: 'blank',
			focusRole: '0',
			roleId: roles.map((r) => r.id),
			roleName: roles.map((r) => r.name),
			roleLabel: roles.map((r) => r.label),
			roleColor: roles.map((r) => r.color)
		});
		expect(refused.status).toBe(429);
		expect(await refused.text()).toContain('started 2 workshops in the last hour');
		// Someone else is not held back by Fay's workshops.
		const other = await signUpPerson(server, 'Olga Other');
		expect(await createWorkshop(server, other, { template: 'blank' })).toMatch(/\S/);
	});
});

describe('sign-in throttle from two addresses', () => {
	let server: RunningServer;
	const PASSWORD = 'correct horse battery staple';
	const from = (address: string) => ({ 'x-forwarded-for': address });

	beforeAll(async () => {
		server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' } });
		const up = await post(
			server,
			'/signup',
			{ username: 'owner', displayName: 'Owner', password: PASSWORD },
			from('203.0.113.5')
		);
		expect(up.status).toBe(303);
	});

	afterAll(async () => {
		await server?.stop();
		server?.cleanup();
	});

	it('slows the guessing address but lets the owner in from another', async () => {
		for (let i = 0; i < 6; i++) {
			await post(
				server,
				'/signin',
				{ username: 'owner', password: `guess ${i} nope` },
				from('198.51.100.7')
			);
		}
		const guesser = await post(
			server,
			'/signin',
			{ username: 'owner', password: PASSWORD },
			from('198.51.100.7')
		);
		expect(guesser.status).toBe(429);
		expect(await guesser.text()).toMatch(/Too many attempts, try again in \d+ s/);

		const owner = await post(
			server,
			'/signin',
			{ username: 'owner', password: PASSWORD },
			from('203.0.113.9')
		);
		expect(owner.status).toBe(303);
		expect(owner.headers.getSetCookie().some((c) => c.startsWith('drawline_session='))).toBe(true);
	});

	it('without METRICS_TOKEN, refuses /metrics to a forwarded or remote request', async () => {
		expect((await fetch(`${server.url}/metrics`, { headers: from('198.51.100.7') })).status).toBe(
			403
		);
		expect((await fetch(`${server.url}/metrics`, { headers: from('127.0.0.1') })).status).toBe(403);
	});
});
