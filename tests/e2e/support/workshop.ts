/**
 * Setting up a board the way people do, over the app's own HTTP forms: sign up, make an invite
 * link and join through it as a guest (workshops come from tests/support/workshop-http.ts). Each
 * browser context gets its session cookie from these requests (`context.request` shares the
 * context's cookie jar).
 *
 * `editBoard` is the only shortcut: it writes a busy board through the sync server with the stock
 * y-websocket client and the facilitator's cookie, as another tab would, using the board
 * operations. Tests use it to start from 30 placed rows instead of dragging them one by one.
 */
import { expect, type BrowserContext } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Actor } from '../../../src/lib/board/index.ts';
import { fixtureStore } from '../../support/sync-client.ts';

export const PASSWORD = 'correct horse battery staple';

/** Where the board lives. */
export const boardPath = (workshopId: string): string => `/w/${workshopId}`;

let counter = 0;

async function postAction(
	context: BrowserContext,
	baseUrl: string,
	path: string,
	fields: Record<string, string | string[]>
): Promise<{ type: string; location?: string; text: string }> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const entry of Array.isArray(value) ? value : [value]) body.append(key, entry);
	}
	const response = await context.request.post(baseUrl + path, {
		data: body.toString(),
		maxRedirects: 0,
		headers: {
			origin: baseUrl,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		}
	});
	const text = await response.text();
	let parsed: { type?: string; location?: string } = {};
	try {
		parsed = JSON.parse(text);
	} catch {
		// Not an action answer; the checks below report it.
	}
	if (response.status() >= 400 || parsed.type === 'failure' || parsed.type === 'error') {
		throw new Error(`POST ${path} failed (${response.status()}): ${text.slice(0, 400)}`);
	}
	return { type: parsed.type ?? '', location: parsed.location, text };
}

/** Signs a new user up in `context`, which keeps the session cookie. */
export async function signUp(
	context: BrowserContext,
	baseUrl: string,
	displayName: string
): Promise<void> {
	const username = `${displayName.toLowerCase().replace(/[^a-z0-9]/g, '')}${process.pid}x${++counter}`;
	await postAction(context, baseUrl, '/signup', { username, displayName, password: PASSWORD });
	const cookies = await context.cookies(baseUrl);
	expect(cookies.some((cookie) => cookie.name === 'drawline_session')).toBe(true);
}

/** The facilitator in `facilitator` invites, and `guest` joins as a guest named `name`. */
export async function inviteGuest(
	facilitator: BrowserContext,
	guest: BrowserContext,
	baseUrl: string,
	workshopId: string,
	role: 'participant' | 'reader',
	name: string
): Promise<void> {
	const answer = await postAction(facilitator, baseUrl, `/w/${workshopId}/settings?/createInvite`, {
		role,
		label: ''
	});
	const link = /\/invite\/[A-Za-z0-9_-]{16,128}/.exec(answer.text)?.[0];
	if (!link) throw new Error(`no invite link in ${answer.text.slice(0, 300)}`);
	await postAction(guest, baseUrl, `${link}?/guest`, { displayName: name });
}

/** The session cookie of a context, as a Cookie header. */
export async function cookieOf(context: BrowserContext, baseUrl: string): Promise<string> {
	const cookie = (await context.cookies(baseUrl)).find(
		(entry) => entry.name === 'drawline_session'
	);
	if (!cookie) throw new Error('this context is not signed in');
	return `${cookie.name}=${cookie.value}`;
}

/** A `ws` WebSocket that sends the session cookie and the app's Origin, as a browser tab would. */
const withHeaders = (headers: Record<string, string>) =>
	class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	} as unknown as typeof globalThis.WebSocket;

/**
 * A member as the server knows them (id and display name): entries that carry a name are only
 * accepted from that person's own connection.
 */
export async function memberActor(
	server: { dataDir: string },
	workshopId: string,
	displayName: string
): Promise<Actor> {
	const members = await fixtureStore(server, (store) => store.workshops.listMembers(workshopId));
	const member = members.find((m) => m.displayName === displayName);
	if (!member) throw new Error(`${displayName} is not a member of ${workshopId}`);
	return { id: member.userId, name: member.displayName };
}

/** Connects to the board room with `cookie`, runs `edit` once synced, and waits for it to land. */
export async function editBoard(
	baseUrl: string,
	cookie: string,
	workshopId: string,
	edit: (doc: Y.Doc) => void,
	room: 'board' | 'facilitation' = 'board'
): Promise<void> {
	const connect = (doc: Y.Doc) =>
		new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync/${workshopId}`, room, doc, {
			WebSocketPolyfill: withHeaders({ cookie, origin: baseUrl }),
			disableBc: true
		});
	const doc = new Y.Doc();
	const provider = connect(doc);
	try {
		await waitFor(() => provider.synced, 'the board to sync');
		edit(doc);
		// A second client that syncs and sees the edit proves the server has it.
		const check = new Y.Doc();
		const checker = connect(check);
		const expected = Y.decodeStateVector(Y.encodeStateVector(doc));
		const covered = () => {
			const got = Y.decodeStateVector(Y.encodeStateVector(check));
			return [...expected].every(([client, clock]) => (got.get(client) ?? 0) >= clock);
		};
		await waitFor(() => checker.synced && covered(), 'the edit to reach the server');
		checker.destroy();
		check.destroy();
	} finally {
		provider.destroy();
		doc.destroy();
	}
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}
