import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { checkUpdate } from './validate.ts';

/** An update with one ContentString struct, hand-encoded (Yjs update format v1). */
function stringStruct(client: number, clock: number, text: string, rightOrigin?: [number, number]) {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 1); // one client
	encoding.writeVarUint(e, 1); // one struct
	encoding.writeVarUint(e, client);
	encoding.writeVarUint(e, clock);
	if (rightOrigin) {
		encoding.writeUint8(e, 0x40 | 4); // has right origin, ContentString
		encoding.writeVarUint(e, rightOrigin[0]);
		encoding.writeVarUint(e, rightOrigin[1]);
	} else {
		encoding.writeUint8(e, 4); // ContentString, parent follows
		encoding.writeVarUint(e, 1); // parent is a root type name
		encoding.writeVarString(e, 't');
	}
	encoding.writeVarString(e, text);
	encoding.writeVarUint(e, 0); // empty delete set
	return encoding.toUint8Array(e);
}

describe('checkUpdate', () => {
	it('accepts what Yjs clients send', () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		const gen = prng.create(3);
		for (let i = 0; i < 200; i++) {
			const text = doc.getText('t');
			if (text.length > 3 && prng.bool(gen)) text.delete(prng.int32(gen, 0, text.length - 2), 2);
			else text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 5));
			doc.getMap('m').set(`k${i % 7}`, { i, nested: [i] });
		}
		for (const update of updates) expect(checkUpdate(update)).toBeNull();
		expect(checkUpdate(Y.encodeStateAsUpdate(doc))).toBeNull();
		expect(checkUpdate(stringStruct(7, 0, 'ok'))).toBeNull();
	});

	it('refuses an update whose delete set is cut short, which Yjs would half-apply', () => {
		const update = stringStruct(7, 0, 'hello');
		const broken = update.slice();
		broken[broken.length - 1] = 5; // five delete-set clients follow, and none does
		expect(checkUpdate(broken)).toMatch(/decode/);
		const live = new Y.Doc();
		expect(() => Y.applyUpdate(live, broken)).toThrow();
		expect(live.getText('t').toString()).toBe('hello'); // the structs went in anyway
	});

	it('refuses zero-length structs and delete ranges', () => {
		expect(checkUpdate(stringStruct(7, 0, ''))).toMatch(/length/);
	});

	it('refuses same-client references to the future, bytes that do not decode and subdocuments', () => {
		expect(checkUpdate(stringStruct(7, 0, 'a', [7, 5]))).toMatch(/future/);
		const truncated = stringStruct(7, 0, 'hello').slice(0, -3);
		expect(checkUpdate(truncated)).toMatch(/decode/);
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		doc.getMap('m').set('sub', new Y.Doc());
		expect(checkUpdate(updates[0])).toMatch(/subdocument/);
	});
});
