import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startServer, type RunningServer } from '../support/server.ts';
import { DEFAULT_ROLES } from '../../src/lib/templates/index.ts';
import { createWorkshop } from '../support/workshop-http.ts';

/**
 * The foundation end to end over HTTP, against the real production server on
 * an ephemeral port with its own SQLite file: accounts, sessions, workshops,
 * invites (guests included) and the authorization of every route by role.
 * Each client is a cookie jar posting forms the way a browser without
 * JavaScript does.
 */

class Client {
	cookies = new Map<string, string>();
	private base: string;
	constructor(base: string) {
		this.base = base;
	}

	private cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private keep(response: Response): void {
		for (const header of response.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq);
			const value = pair.slice(eq + 1);
			if (!value || /expires=Thu, 01 Jan 1970/i.test(header) || /max-age=0/i.test(header)) {
				this.cookies.delete(name);
			} else {
				this.cookies.set(name, value);
			}
		}
	}

	async get(pathname: string): Promise<Response> {
		const response = await fetch(this.base + pathname, {
			redirect: 'manual',
			headers: { accept: 'text/html', cookie: this.cookieHeader() }
		});
		this.keep(response);
		return response;
	}

	async post(pathname: string, fields: Record<string, string | string[]>): Promise<Response> {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(fields)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
		}
		const response = await fetch(this.base + pathname, {
			method: 'POST',
			redirect: 'manual',
			body,
			headers: {
				accept: 'text/html',
				origin: this.base,
				'content-type': 'application/x-www-form-urlencoded',
				cookie: this.cookieHeader()
			}
		});
		this.keep(response);
		return response;
	}
}

const PASSWORD = 'lines drawn in sand';

function roleFields(roles = DEFAULT_ROLES) {
	return {
		roleId: roles.map((r) => r.id),
		roleName: roles.map((r) => r.name),
		roleLabel: roles.map((r) => r.label),
		roleColor: roles.map((r) => r.color),
		focusRole: '0'
	};
}

describe('foundation: accounts, workshops, invites, authorization', () => {
	let server: RunningServer;
	let db: DatabaseSync;
	const url = () => server.url;

	// A server of each test's own: the tests count rows across the database and reuse names.
	beforeEach(async () => {
		server = await startServer();
		db = new DatabaseSync(path.join(server.dataDir, 'drawline.db'), { readOnly: true });
	});

	afterEach(async () => {
		db?.close();
		await server?.stop();
		server?.cleanup();
	});

	const membership = (workshopId: string, userId: string) =>
		db
			.prepare('SELECT role FROM memberships WHERE workshop_id = ? AND user_id = ?')
			.get(workshopId, userId) as { role: string } | undefined;
	const userIdOf = (displayName: string) =>
		(db.prepare('SELECT id FROM users WHERE display_name = ?').get(displayName) as { id: string })
			.id;

	async function signedUp(username: string, displayName: string): Promise<Client> {
		const client = new Client(url());
		const response = await client.post('/signup', { username, displayName, password: PASSWORD });
		if (response.status !== 303)
			throw new Error(`signing up ${username} failed (${response.status})`);
		return client;
	}

	/** Alice has signed up and facilitates a workshop. */
	async function aliceWithWorkshop(): Promise<{ alice: Client; workshopId: string }> {
		const alice = await signedUp('Alice@Example.com', 'Alice Facilitator');
		const cookie = `drawline_session=${alice.cookies.get('drawline_session')}`;
		const workshopId = await createWorkshop(
			server,
			{ cookie },
			{ title: 'Where does the PM role end?' }
		);
		return { alice, workshopId };
	}

	async function inviteLink(
		alice: Client,
		workshopId: string,
		role: 'participant' | 'reader',
		label: string
	): Promise<string> {
		const response = await alice.post(`/w/${workshopId}/settings?/createInvite`, { role, label });
		const link = /\/invite\/([a-z2-7]{32})/.exec(await response.text())?.[0];
		if (!link) throw new Error(`no ${role} invite link (${response.status})`);
		return link;
	}

	/**
	 * The whole cast: Alice facilitates, Bob joined as a guest participant through the "Engineers"
	 * link, Carol reads with an account, Dave is signed in but not a member.
	 */
	async function everyone() {
		const { alice, workshopId } = await aliceWithWorkshop();
		const participantLink = await inviteLink(alice, workshopId, 'participant', 'Engineers');
		const readerLink = await inviteLink(alice, workshopId, 'reader', '');
		const bob = new Client(url());
		await bob.post(`${participantLink}?/guest`, { displayName: 'Bob Builder' });
		const carol = await signedUp('carol', 'Carol Reader');
		await carol.post(`${readerLink}?/join`, {});
		const dave = await signedUp('dave', 'Dave Outsider');
		return { alice, bob, carol, dave, workshopId, participantLink, readerLink };
	}

	it('signs up with a session cookie that is HttpOnly, SameSite=Lax and not Secure on http://127.0.0.1', async () => {
		const alice = new Client(url());
		const response = await alice.post('/signup', {
			username: 'Alice@Example.com',
			displayName: 'Alice Facilitator',
			password: PASSWORD,
			next: '/'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('drawline_session='))!;
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/);
		const [id, secret] = alice.cookies.get('drawline_session')!.split('.');
		const row = db.prepare('SELECT secret_hash FROM sessions WHERE id = ?').get(id) as {
			secret_hash: Uint8Array;
		};
		expect(row.secret_hash.byteLength).toBe(32);
		expect(Buffer.from(row.secret_hash).toString()).not.toContain(secret);

		const home = await alice.get('/');
		expect(await home.text()).toContain('Start your first workshop');
	});

	it('explains taken names, weak passwords and wrong passwords beside the field', async () => {
		await signedUp('Alice@Example.com', 'Alice Facilitator');
		const other = new Client(url());
		const taken = await other.post('/signup', {
			username: 'alice@example.com',
			password: PASSWORD
		});
		expect(taken.status).toBe(400);
		const takenHtml = await taken.text();
		expect(takenHtml).toContain('That name is taken');
		expect(takenHtml).toContain('value="alice@example.com"');

		const weak = await other.post('/signup', { username: 'someone', password: 'password1' });
		expect(weak.status).toBe(400);
		expect(await weak.text()).toContain('one of the most common');

		const wrong = await other.post('/signin', {
			username: 'alice@example.com',
			password: 'nope nope nope'
		});
		expect(wrong.status).toBe(400);
		const wrongHtml = await wrong.text();
		expect(wrongHtml).toContain('Wrong username or password.');
		expect(wrongHtml).not.toContain('nope nope nope');
		expect(other.cookies.has('drawline_session')).toBe(false);
	});

	it('signs out (deleting the session) and signs back in', async () => {
		const alice = await signedUp('Alice@Example.com', 'Alice Facilitator');
		const token = alice.cookies.get('drawline_session')!;
		const out = await alice.post('/signout', {});
		expect(out.status).toBe(303);
		expect(alice.cookies.has('drawline_session')).toBe(false);
		expect(
			db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(token.split('.')[0])
		).toBeUndefined();

		// The old token is dead even if someone kept it.
		const replay = new Client(url());
		replay.cookies.set('drawline_session', token);
		expect((await replay.get('/workshops/new')).status).toBe(303);

		const back = await alice.post('/signin', {
			username: 'ALICE@example.com',
			password: PASSWORD,
			next: '/workshops/new'
		});
		expect(back.status).toBe(303);
		expect(back.headers.get('location')).toBe('/workshops/new');
	});

	it('creates a workshop from a template with edited roles; the creator is facilitator', async () => {
		const alice = await signedUp('Alice@Example.com', 'Alice Facilitator');
		const form = await alice.get('/workshops/new');
		expect(form.status).toBe(200);
		const html = await form.text();
		expect(html).toContain('The four pillars');
		expect(html).toContain('Product Manager');

		const invalid = await alice.post('/workshops/new', {
			title: '',
			team: 'Checkout',
			template: 'four-pillars',
			...roleFields()
		});
		expect(invalid.status).toBe(400);
		const invalidHtml = await invalid.text();
		expect(invalidHtml).toContain('Give the workshop a title.');
		expect(invalidHtml).toContain('value="Checkout"');

		const roles = [
			...DEFAULT_ROLES.slice(0, 4),
			{ id: '', name: 'Data Science', label: '', color: '#0e7490' }
		];
		const created = await alice.post('/workshops/new', {
			title: 'Where does the PM role end?',
			team: 'Checkout squad',
			template: 'four-pillars',
			...roleFields(roles)
		});
		expect(created.status).toBe(303);
		const location = created.headers.get('location')!;
		expect(location).toMatch(/^\/w\/[a-z2-9]{12}$/);
		const workshopId = location.slice(3);

		const page = await alice.get(location);
		expect(page.status).toBe(200);
		const overview = await page.text();
		expect(overview).toContain('Where does the PM role end?');
		expect(overview).toContain('Data Science');
		expect(overview).toContain('DS');
		expect(overview).not.toContain('Leadership');
		expect(membership(workshopId, userIdOf('Alice Facilitator'))?.role).toBe('facilitator');

		const docRows = db
			.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?')
			.get(`${workshopId}/board`) as { n: number };
		expect(docRows.n).toBe(1);

		const dashboard = await (await alice.get('/')).text();
		expect(dashboard).toContain('Where does the PM role end?');
		expect(dashboard).toContain('Checkout squad');
		expect(dashboard).toContain('Facilitator');
	});

	it('creates participant and reader invite links, shown once, stored hashed', async () => {
		const { alice, workshopId } = await aliceWithWorkshop();
		const created = await alice.post(`/w/${workshopId}/settings?/createInvite`, {
			role: 'participant',
			label: 'Engineers'
		});
		expect(created.status).toBe(200);
		const participantLink = /\/invite\/([a-z2-7]{32})/.exec(await created.text())![0];

		const reader = await alice.post(`/w/${workshopId}/settings?/createInvite`, {
			role: 'reader',
			label: ''
		});
		const readerLink = /\/invite\/([a-z2-7]{32})/.exec(await reader.text())![0];

		const stored = db.prepare('SELECT token_hash FROM invites').all() as { token_hash: string }[];
		expect(stored).toHaveLength(2);
		for (const row of stored) {
			expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
			expect(participantLink).not.toContain(row.token_hash);
		}
		const settings = await (await alice.get(`/w/${workshopId}/settings`)).text();
		expect(settings).toContain('Engineers');
		expect(settings).not.toContain(participantLink);
	});

	it('lets a signed-out visitor join as a guest in a second cookie jar', async () => {
		const { alice, workshopId } = await aliceWithWorkshop();
		const participantLink = await inviteLink(alice, workshopId, 'participant', 'Engineers');
		const bob = new Client(url());
		const invite = await bob.get(participantLink);
		expect(invite.status).toBe(200);
		const html = await invite.text();
		expect(html).toContain('Where does the PM role end?');
		expect(html).toContain('Join as guest');
		expect(html).toContain('Sign in');

		const empty = await bob.post(`${participantLink}?/guest`, { displayName: '   ' });
		expect(empty.status).toBe(400);
		expect(await empty.text()).toContain('Enter the name others will see.');

		const joined = await bob.post(`${participantLink}?/guest`, { displayName: 'Bob Builder' });
		expect(joined.status).toBe(303);
		expect(joined.headers.get('location')).toBe(`/w/${workshopId}`);
		expect(bob.cookies.has('drawline_session')).toBe(true);

		const page = await bob.get(`/w/${workshopId}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Bob Builder');

		const guest = db
			.prepare('SELECT is_guest, password_hash FROM users WHERE display_name = ?')
			.get('Bob Builder') as { is_guest: number; password_hash: string | null };
		expect(guest).toEqual({ is_guest: 1, password_hash: null });
		expect(membership(workshopId, userIdOf('Bob Builder'))?.role).toBe('participant');
	});

	it('shows a signed-in user who they are and what they join, and joins on a POST only, never lowering a facilitator', async () => {
		const { alice, workshopId } = await aliceWithWorkshop();
		const readerLink = await inviteLink(alice, workshopId, 'reader', '');
		const carol = await signedUp('carol', 'Carol Reader');
		const opened = await carol.get(readerLink);
		expect(opened.status).toBe(200);
		const html = await opened.text();
		expect(html).toContain('Signed in as <strong>Carol Reader</strong>');
		expect(html).toContain('Where does the PM role end?');
		expect(html).toContain('Join as Carol Reader');
		expect(membership(workshopId, userIdOf('Carol Reader'))).toBeUndefined();

		const joined = await carol.post(`${readerLink}?/join`, {});
		expect(joined.status).toBe(303);
		expect(joined.headers.get('location')).toBe(`/w/${workshopId}`);
		expect(membership(workshopId, userIdOf('Carol Reader'))?.role).toBe('reader');

		const own = await alice.get(readerLink);
		expect(own.status).toBe(303);
		expect((await alice.post(`${readerLink}?/join`, {})).status).toBe(303);
		expect(membership(workshopId, userIdOf('Alice Facilitator'))?.role).toBe('facilitator');
	});

	it('answers every route with the status each role should get', async () => {
		const { alice, bob, carol, dave, workshopId } = await everyone();
		const anonymous = new Client(url());
		const who = {
			facilitator: alice,
			participant: bob,
			reader: carol,
			nonMember: dave,
			signedOut: anonymous
		};
		type Who = keyof typeof who;
		const w = `/w/${workshopId}`;
		const cases: {
			method: 'GET' | 'POST';
			path: string;
			form?: Record<string, string>;
			expect: Record<Who, number>;
		}[] = [
			{
				method: 'GET',
				path: '/',
				expect: { facilitator: 200, participant: 200, reader: 200, nonMember: 200, signedOut: 200 }
			},
			{
				method: 'GET',
				path: '/workshops/new',
				expect: { facilitator: 200, participant: 200, reader: 200, nonMember: 200, signedOut: 303 }
			},
			{
				method: 'GET',
				path: w,
				expect: { facilitator: 200, participant: 200, reader: 200, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'GET',
				path: `${w}/__data.json`,
				expect: { facilitator: 200, participant: 200, reader: 200, nonMember: 403, signedOut: 200 }
			},
			{
				method: 'GET',
				path: `${w}/settings`,
				expect: { facilitator: 200, participant: 403, reader: 403, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'GET',
				path: `${w}/settings/__data.json`,
				expect: { facilitator: 200, participant: 403, reader: 403, nonMember: 403, signedOut: 200 }
			},
			{
				method: 'POST',
				path: `${w}/settings?/rename`,
				form: { title: 'Where does the PM role end?', team: 'Checkout squad' },
				expect: { facilitator: 200, participant: 403, reader: 403, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'POST',
				path: `${w}/settings?/createInvite`,
				form: { role: 'reader', label: 'matrix' },
				expect: { facilitator: 200, participant: 403, reader: 403, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'POST',
				path: `${w}/settings?/archive`,
				expect: { facilitator: 200, participant: 403, reader: 403, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'POST',
				path: `${w}/settings?/unarchive`,
				expect: { facilitator: 200, participant: 403, reader: 403, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'POST',
				path: `${w}/settings?/delete`,
				form: { confirm: 'nope' },
				expect: { facilitator: 400, participant: 403, reader: 403, nonMember: 403, signedOut: 303 }
			},
			{
				method: 'GET',
				path: '/w/unknownwkshp',
				expect: { facilitator: 404, participant: 404, reader: 404, nonMember: 404, signedOut: 303 }
			},
			{
				method: 'GET',
				path: '/w/unknownwkshp/settings',
				expect: { facilitator: 404, participant: 404, reader: 404, nonMember: 404, signedOut: 303 }
			},
			{
				method: 'POST',
				path: '/workshops/new',
				form: { title: '' },
				expect: { facilitator: 400, participant: 400, reader: 400, nonMember: 400, signedOut: 303 }
			}
		];
		const failures: string[] = [];
		for (const c of cases) {
			for (const [name, client] of Object.entries(who) as [Who, Client][]) {
				const response =
					c.method === 'GET' ? await client.get(c.path) : await client.post(c.path, c.form ?? {});
				let status = response.status;
				// A data request answers a redirect inside its JSON body with status 200.
				if (c.path.endsWith('__data.json') && status === 200) {
					const body = await response.json();
					if (body.type === 'redirect') status = name === 'signedOut' ? 200 : 303;
				}
				if (status !== c.expect[name])
					failures.push(`${c.method} ${c.path} as ${name}: ${status}, expected ${c.expect[name]}`);
				if (status === 303 && name === 'signedOut') {
					expect(response.headers.get('location')).toMatch(/^\/signin\?next=/);
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('renders refusals as pages that say why', async () => {
		const { alice, dave, workshopId } = await everyone();
		const refused = await dave.get(`/w/${workshopId}`);
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('not a member of this workshop');
		const missing = await alice.get('/w/unknownwkshp');
		expect(await missing.text()).toContain('no workshop at this address');
	});

	it('changes a member role and removes a member', async () => {
		const { alice, bob, workshopId } = await everyone();
		const bobId = userIdOf('Bob Builder');
		expect(
			(await alice.post(`/w/${workshopId}/settings?/changeRole`, { userId: bobId, role: 'reader' }))
				.status
		).toBe(200);
		expect(membership(workshopId, bobId)?.role).toBe('reader');

		const aliceId = userIdOf('Alice Facilitator');
		const lastFacilitator = await alice.post(`/w/${workshopId}/settings?/changeRole`, {
			userId: aliceId,
			role: 'participant'
		});
		expect(lastFacilitator.status).toBe(400);
		expect(await lastFacilitator.text()).toContain('a workshop needs one');

		expect(
			(await alice.post(`/w/${workshopId}/settings?/removeMember`, { userId: bobId })).status
		).toBe(200);
		expect(membership(workshopId, bobId)).toBeUndefined();
		expect((await bob.get(`/w/${workshopId}`)).status).toBe(403);
	});

	it('keeps a removed member out through the link they joined with, and lets a newer link in', async () => {
		const { alice, bob, workshopId, participantLink } = await everyone();
		const bobId = userIdOf('Bob Builder');
		expect(
			(await alice.post(`/w/${workshopId}/settings?/removeMember`, { userId: bobId })).status
		).toBe(200);
		const page = await bob.get(participantLink);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Signed in as <strong>Bob Builder</strong>');
		for (const action of ['join', 'guest']) {
			const again = await bob.post(`${participantLink}?/${action}`, { displayName: 'Bob' });
			expect(again.status).toBe(403);
			expect(await again.text()).toContain('You were removed from this workshop');
			expect(membership(workshopId, bobId)).toBeUndefined();
		}

		const newer = await inviteLink(alice, workshopId, 'reader', 'Second chance');
		const back = await bob.post(`${newer}?/join`, {});
		expect(back.status).toBe(303);
		expect(membership(workshopId, bobId)?.role).toBe('reader');
	});

	it('refuses revoked and unknown invite links plainly', async () => {
		const { alice, dave, workshopId, readerLink } = await everyone();
		const readerInvite = db
			.prepare("SELECT id FROM invites WHERE role = 'reader' AND label = ''")
			.get() as { id: string };
		expect(
			(await alice.post(`/w/${workshopId}/settings?/revokeInvite`, { inviteId: readerInvite.id }))
				.status
		).toBe(200);

		const stranger = new Client(url());
		const revoked = await stranger.get(readerLink);
		expect(revoked.status).toBe(410);
		expect(await revoked.text()).toContain('was revoked');
		const joinRevoked = await stranger.post(`${readerLink}?/guest`, { displayName: 'Eve' });
		expect(joinRevoked.status).toBe(410);
		expect(stranger.cookies.has('drawline_session')).toBe(false);

		// Signed in makes no difference.
		expect((await dave.get(readerLink)).status).toBe(410);
		expect(membership(workshopId, userIdOf('Dave Outsider'))).toBeUndefined();

		const unknown = await stranger.get('/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toContain('does not work');
	});

	it('slows down repeated failed sign-ins for one account', async () => {
		await signedUp('carol', 'Carol Reader');
		const attacker = new Client(url());
		for (let i = 0; i < 5; i++) {
			expect(
				(await attacker.post('/signin', { username: 'carol', password: `wrong guess ${i}` })).status
			).toBe(400);
		}
		const blocked = await attacker.post('/signin', { username: 'carol', password: PASSWORD });
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(/Too many attempts, try again in \d+ s/);
	});

	it('renames, archives and deletes a workshop after confirmation', async () => {
		const { alice, carol, workshopId, participantLink } = await everyone();
		expect(
			(
				await alice.post(`/w/${workshopId}/settings?/rename`, {
					title: 'PM charter 2025',
					team: 'Payments'
				})
			).status
		).toBe(200);
		expect(await (await alice.get('/')).text()).toContain('PM charter 2025');

		await alice.post(`/w/${workshopId}/settings?/archive`, {});
		expect(await (await alice.get('/')).text()).not.toContain('PM charter 2025');
		expect(await (await alice.get('/?show=archived')).text()).toContain('PM charter 2025');

		const wrong = await alice.post(`/w/${workshopId}/settings?/delete`, { confirm: 'PM charter' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Type the workshop title exactly');

		const deleted = await alice.post(`/w/${workshopId}/settings?/delete`, {
			confirm: 'PM charter 2025'
		});
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe('/');
		expect((await alice.get(`/w/${workshopId}`)).status).toBe(404);
		expect((await carol.get(`/w/${workshopId}`)).status).toBe(404);
		expect(await (await new Client(url()).get(participantLink)).status).toBe(404);
		const left = db
			.prepare("SELECT COUNT(*) AS n FROM doc_updates WHERE doc LIKE ? || '/%'")
			.get(workshopId) as { n: number };
		expect(left.n).toBe(0);
	});

	it('answers /healthz', async () => {
		const response = await fetch(`${url()}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
	});
});
