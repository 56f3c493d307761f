import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { MemberRole } from '#lib/contracts/roles.ts';
import { MESSAGE_AWARENESS } from '#lib/contracts/sync.ts';
import { loadConfig } from '../config.ts';
import { Registry } from '../metrics.ts';
import { openStore, type Store } from '../store/index.ts';
import type { RoomPolicy } from './policy.ts';
import { createSyncService, type SyncService } from './service.ts';
import type { SyncAccess } from './upgrade.ts';

/**
 * An upgrade reads the member's role, then joins the room: a role change that lands in between
 * must still reach that socket, although it was not open yet when the change closed the others.
 */
describe('sync service: access that changes while an upgrade is checked', () => {
	let store: Store;
	let sync: SyncService;
	let server: http.Server;
	const sockets: WebSocket[] = [];

	afterEach(async () => {
		for (const socket of sockets.splice(0)) socket.terminate();
		await sync.close();
		await new Promise((resolve) => server.close(resolve));
		await store.close();
	});

	async function start(access: SyncAccess, policy: RoomPolicy): Promise<number> {
		store = await openStore({ databasePath: ':memory:' });
		sync = createSyncService({
			config: loadConfig({ DATABASE_PATH: ':memory:' }),
			metrics: new Registry(),
			docs: store.docs,
			access,
			policy
		});
		server = http.createServer();
		server.on('upgrade', (req, socket, head) => {
			if (!sync.handleUpgrade(req, socket, head)) socket.destroy();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return (server.address() as AddressInfo).port;
	}

	it('a member made reader while their socket was being let in joins as a reader', async () => {
		let role: MemberRole = 'participant';
		let roleRead!: () => void;
		const reading = new Promise<void>((resolve) => (roleRead = resolve));
		let answer!: () => void;
		let held: Promise<void> | null = new Promise((resolve) => (answer = resolve));
		const access: SyncAccess = {
			authenticate: async () => ({
				sessionId: 'session-1',
				user: { id: 'pat', displayName: 'Pat', color: '#1d4ed8' }
			}),
			workshopExists: async () => true,
			async getRole() {
				const read = role;
				const wait = held;
				held = null;
				if (wait) {
					roleRead();
					await wait;
				}
				return read;
			},
			forgetSession() {},
			forgetMember() {},
			forgetWorkshop() {},
			forgetAll() {}
		};
		const seen: MemberRole[] = [];
		const policy: RoomPolicy = {
			dependencies: () => [],
			writeRefusal: () => null,
			checkUpdate: () => null,
			committed() {},
			presence(_room, peer, state) {
				seen.push(peer.role);
				return state;
			}
		};
		const port = await start(access, policy);

		const socket = new WebSocket(`ws://127.0.0.1:${port}/sync/w1/board`);
		sockets.push(socket);
		await reading;
		role = 'reader';
		await sync.refreshMember('w1', 'pat');
		answer();
		await new Promise((resolve, reject) => {
			socket.once('open', resolve);
			socket.once('error', reject);
		});

		const awareness = new Awareness(new Y.Doc());
		awareness.setLocalState({ user: { id: 'pat' } });
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(message, encodeAwarenessUpdate(awareness, [awareness.clientID]));
		socket.send(encoding.toUint8Array(message));
		await expect.poll(() => seen).toHaveLength(1);
		expect(seen).toEqual(['reader']);
	});
});
