import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
	MAX_CLIENT_IDS_PER_CONNECTION,
	decodeAwarenessUpdate,
	encodeAwarenessUpdate,
	filterAwareness,
	type AwarenessEntry
} from './awareness.ts';

const ada = { id: 'u-ada', name: 'Ada (server)', color: '#aa0000' };
const nobody = () => false;
const sender = (held = new Set<number>(), heldElsewhere: (id: number) => boolean = nobody) => ({
	user: ada,
	held,
	heldElsewhere,
	maxStateBytes: 1024
});

describe('awareness policy', () => {
	it('round-trips what a y-protocols client encodes', () => {
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalStateField('user', { id: 'u-ada', name: 'Ada' });
		const bytes = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
		const entries = decodeAwarenessUpdate(bytes);
		expect(entries).toEqual([
			{ clientID: doc.clientID, clock: 1, state: { user: { id: 'u-ada', name: 'Ada' } } }
		]);
		expect(encodeAwarenessUpdate(entries)).toEqual(bytes);
		awareness.destroy();
	});

	it('stamps the server-side profile over whatever name the client sent', () => {
		const entries: AwarenessEntry[] = [
			{ clientID: 1, clock: 1, state: { user: { id: 'u-ada', name: 'The CEO' }, cursor: 3 } },
			{ clientID: 2, clock: 1, state: {} }
		];
		expect(filterAwareness(entries, sender())).toEqual([
			{ clientID: 1, clock: 1, state: { user: ada, cursor: 3 } },
			{ clientID: 2, clock: 1, state: { user: ada } }
		]);
	});

	it("drops states claiming another user, or a clientID another connection holds (even the same user's)", () => {
		const entries: AwarenessEntry[] = [
			{ clientID: 1, clock: 1, state: { user: { id: 'u-bob', name: 'Bob' } } },
			{ clientID: 2, clock: 1, state: {} },
			{ clientID: 3, clock: 1, state: null }
		];
		expect(
			filterAwareness(
				entries,
				sender(new Set(), (id) => id === 2)
			)
		).toEqual([]);
		const ownTab: AwarenessEntry = { clientID: 7, clock: 3, state: { user: { id: 'u-ada' } } };
		expect(
			filterAwareness(
				[ownTab],
				sender(new Set(), (id) => id === 7)
			)
		).toEqual([]);
	});

	it('lets a connection remove only clientIDs it holds, and hold only a few', () => {
		const held = new Set([5]);
		expect(filterAwareness([{ clientID: 5, clock: 2, state: null }], sender(held))).toEqual([
			{ clientID: 5, clock: 2, state: null }
		]);
		const many = Array.from({ length: 10 }, (_, i) => ({ clientID: 100 + i, clock: 1, state: {} }));
		expect(filterAwareness(many, sender(held))).toHaveLength(MAX_CLIENT_IDS_PER_CONNECTION - 1);
	});

	it('drops a state larger than the cap, profile included', () => {
		const fits = { clientID: 1, clock: 1, state: { cursor: 'x'.repeat(900) } };
		const tooBig = { clientID: 2, clock: 1, state: { cursor: 'x'.repeat(1000) } };
		expect(filterAwareness([fits, tooBig], sender()).map((e) => e.clientID)).toEqual([1]);
	});

	it('refuses bytes that are not an awareness update', () => {
		expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 3, 110, 111, 112]))).toThrow();
		expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 1, 53]))).toThrow(/object or null/);
		expect(() => decodeAwarenessUpdate(new Uint8Array([0, 0]))).toThrow(/trailing/);
	});
});
