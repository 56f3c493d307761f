/**
 * Helpers for sync tests against a real server: users signed up and members
 * invited through the app's own forms (workshops: workshop-http.ts), and stock
 * `y-websocket` providers that carry the user's session cookie and the app's
 * Origin, as a browser tab would. `fixtureStore` only reads the server's
 * database (a new user's id, stored rows).
 */
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { openStore, type Store } from '#server/store/index.ts';

export interface TestUser {
	id: string;
	username: string;
	displayName: string;
	/** `drawline_session=<token>` */
	cookie: string;
}

export interface ServerRef {
	url: string;
	dataDir: string;
	/** Set when the server runs on PostgreSQL. */
	databaseUrl?: string;
}

let counter = 0;

/** Signs a user up through the real form action and keeps the session cookie. */
export async function signUp(server: ServerRef, displayName: string): Promise<TestUser> {
	const baseUrl = server.url;
	const username = `${displayName.toLowerCase().replace(/[^a-z0-9]/g, '')}${process.pid}${++counter}`;
	const body = new URLSearchParams({
		username,
		displayName,
		password: 'correct horse battery staple'
	});
	const response = await fetch(`${baseUrl}/signup`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('drawline_session='));
	if (!setCookie) {
		throw new Error(
			`sign-up failed (${response.status}): ${(await response.text()).slice(0, 300)}`
		);
	}
	const cookie = setCookie.split(';')[0];
	const user = await fixtureStore(server, (store) => store.users.getByUsername(username));
	if (!user) throw new Error(`signed up ${username} but cannot find the user`);
	return { id: user.id, username, displayName, cookie };
}

/** Runs `fn` on the server's own database (SQLite's WAL lets both processes use it). */
export async function fixtureStore<T>(
	server: { dataDir: string; databaseUrl?: string },
	fn: (store: Store) => Promise<T>
): Promise<T> {
	const store = await openStore({
		databasePath: path.join(server.dataDir, 'drawline.db'),
		databaseUrl: server.databaseUrl ?? null,
		databasePoolSize: 2
	});
	try {
		return await fn(store);
	} finally {
		await store.close();
	}
}

/** Posts a SvelteKit form action as `user`; resolves with the response (redirects not followed). */
async function postForm(
	server: ServerRef,
	user: TestUser,
	path: string,
	fields: Record<string, string | string[]>
): Promise<Response> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
	}
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		body,
		headers: {
			origin: server.url,
			cookie: user.cookie,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		}
	});
}

async function expectAction(response: Response, what: string): Promise<string> {
	const text = await response.text();
	if (response.status >= 400 || /"type":"(failure|error)"/.test(text)) {
		throw new Error(`${what} failed (${response.status}): ${text.slice(0, 300)}`);
	}
	return text;
}

/** The facilitator makes an invite link for `role`; resolves with its path. */
export async function inviteLink(
	server: ServerRef,
	facilitator: TestUser,
	workshopId: string,
	role: 'participant' | 'reader'
): Promise<string> {
	const response = await postForm(server, facilitator, `/w/${workshopId}/settings?/createInvite`, {
		role,
		label: ''
	});
	const link = /\/invite\/[a-z2-7]{16,64}/.exec(
		await expectAction(response, 'creating an invite')
	)?.[0];
	if (!link) throw new Error('no invite link in the answer');
	return link;
}

/** The facilitator makes an invite link for `role` and `user` joins through it while signed in. */
export async function addMember(
	server: ServerRef,
	facilitator: TestUser,
	workshopId: string,
	user: TestUser,
	role: 'participant' | 'reader'
): Promise<void> {
	const link = await inviteLink(server, facilitator, workshopId, role);
	const joined = await expectAction(
		await postForm(server, user, `${link}?/join`, {}),
		`${user.displayName} joining`
	);
	if (!joined.includes('"type":"redirect"')) throw new Error(`${user.displayName} did not join`);
}

/** Someone signed out opens a participant invite and joins as a guest with just a name. */
export async function joinAsGuest(
	server: ServerRef,
	facilitator: TestUser,
	workshopId: string,
	displayName: string
): Promise<TestUser> {
	const link = await inviteLink(server, facilitator, workshopId, 'participant');
	const response = await fetch(`${server.url}${link}?/guest`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ displayName }),
		headers: {
			accept: 'text/html',
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	const cookie = response.headers
		.getSetCookie()
		.find((c) => c.startsWith('drawline_session='))
		?.split(';')[0];
	if (response.status !== 303 || !cookie) {
		throw new Error(`${displayName} could not join as a guest (${response.status})`);
	}
	const members = await fixtureStore(server, (store) => store.workshops.listMembers(workshopId));
	const member = members.find((m) => m.displayName === displayName);
	if (!member) throw new Error(`${displayName} joined but is not a member`);
	return { id: member.userId, username: '', displayName, cookie };
}

/** The facilitator changes a member's role in the workshop settings. */
export async function changeRole(
	server: ServerRef,
	facilitator: TestUser,
	workshopId: string,
	user: TestUser,
	role: 'facilitator' | 'participant' | 'reader'
): Promise<void> {
	const path = `/w/${workshopId}/settings?/changeRole`;
	await expectAction(
		await postForm(server, facilitator, path, { userId: user.id, role }),
		'changing a role'
	);
}

/** The facilitator removes a member in the workshop settings. */
export async function removeMember(
	server: ServerRef,
	facilitator: TestUser,
	workshopId: string,
	user: TestUser
): Promise<void> {
	const path = `/w/${workshopId}/settings?/removeMember`;
	await expectAction(
		await postForm(server, facilitator, path, { userId: user.id }),
		'removing a member'
	);
}

/** A `ws` WebSocket class that sends the given headers, for WebsocketProvider's polyfill option. */
function webSocketWithHeaders(
	headers: Record<string, string>
): new (address: string | URL, protocols?: string | string[]) => WebSocket {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

export function syncUrl(baseUrl: string): string {
	return `${baseUrl.replace(/^http/, 'ws')}/sync`;
}

export interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	closeCodes: number[];
	errors: unknown[];
	destroy(): void;
}

/** A stock y-websocket provider, as the browser runs it, for one user in one room. */
export function connect(
	baseUrl: string,
	user: TestUser | null,
	workshopId: string,
	kind: 'board' | 'facilitation' = 'board',
	options: { origin?: string; doc?: Y.Doc } = {}
): Client {
	const doc = options.doc ?? new Y.Doc();
	const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
	if (user) headers.cookie = user.cookie;
	const provider = new WebsocketProvider(syncUrl(baseUrl), `${workshopId}/${kind}`, doc, {
		WebSocketPolyfill: webSocketWithHeaders(headers) as unknown as typeof globalThis.WebSocket,
		// Tabs of one process would otherwise sync through BroadcastChannel, around the server.
		disableBc: true,
		maxBackoffTime: 300
	});
	if (user) {
		provider.awareness.setLocalStateField('user', { id: user.id, name: `not ${user.displayName}` });
	}
	const closeCodes: number[] = [];
	const errors: unknown[] = [];
	provider.on('connection-close', (event) => {
		if (event) closeCodes.push(event.code);
	});
	provider.on('connection-error', (event) => errors.push(event));
	return {
		doc,
		provider,
		closeCodes,
		errors,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/**
 * The rationale note of the board's first card (by id): a text every client of one workshop
 * edits in the same place, as the schema has it (src/lib/board/schema.ts).
 */
export function note(doc: Y.Doc): Y.Text {
	const notes = doc.getMap<Y.Text>('notes');
	const first = [...notes.keys()].sort()[0];
	if (first === undefined) throw new Error('the board has no notes yet (not synced?)');
	return notes.get(first)!;
}

export async function waitFor(
	condition: () => boolean | Promise<boolean>,
	what: string,
	timeoutMs = 10_000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export function synced(client: Client, timeoutMs = 10_000): Promise<void> {
	return waitFor(() => client.provider.synced, 'provider to sync', timeoutMs);
}

/** The HTTP status a WebSocket upgrade is refused with (or 101 when accepted). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			res.resume();
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', (error) => {
			if (!/Unexpected server response/.test(error.message)) reject(error);
		});
	});
}

/** Reads one Prometheus sample (name with labels exactly as rendered), 0 when absent. */
export async function metric(baseUrl: string, sample: string): Promise<number> {
	const text = await (await fetch(`${baseUrl}/metrics`)).text();
	for (const line of text.split('\n')) {
		if (line.startsWith(`${sample} `)) return Number(line.slice(sample.length + 1));
	}
	return 0;
}

/**
 * A hostile client: a raw socket carrying `user`'s cookie and the app's Origin, sending whatever
 * frames a test builds, and keeping every frame the server sends back.
 */
export function rawClient(
	baseUrl: string,
	user: TestUser,
	workshopId: string,
	options: WebSocket.ClientOptions = {}
) {
	const ws = new WebSocket(`${syncUrl(baseUrl)}/${workshopId}/board`, {
		headers: { origin: baseUrl, cookie: user.cookie },
		...options
	});
	const frames: Uint8Array[] = [];
	ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
	ws.on('error', () => {});
	const opened = new Promise<void>((resolve) => ws.on('open', () => resolve()));
	const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
	return { ws, frames, opened, closed, send: (frame: Uint8Array) => ws.send(frame) };
}
