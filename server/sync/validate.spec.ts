import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { checkUpdate, missingDependency } from './validate.ts';

function problemOf(update: Uint8Array): string | null {
	const checked = checkUpdate(update);
	return 'problem' in checked ? checked.problem : null;
}

function missingIn(doc: Y.Doc, update: Uint8Array): string | null {
	const checked = checkUpdate(update);
	if ('problem' in checked) throw new Error(checked.problem);
	return missingDependency(checked.decoded, doc);
}

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
		for (const update of updates) expect(problemOf(update)).toBeNull();
		expect(problemOf(Y.encodeStateAsUpdate(doc))).toBeNull();
		expect(problemOf(stringStruct(7, 0, 'ok'))).toBeNull();
	});

	it('refuses an update whose delete set is cut short, which Yjs would half-apply', () => {
		const update = stringStruct(7, 0, 'hello');
		const broken = update.slice();
		broken[broken.length - 1] = 5; // five delete-set clients follow, and none does
		expect(problemOf(broken)).toMatch(/decode/);
		const live = new Y.Doc();
		expect(() => Y.applyUpdate(live, broken)).toThrow();
		expect(live.getText('t').toString()).toBe('hello'); // the structs went in anyway
	});

	it('refuses zero-length structs and delete ranges', () => {
		expect(problemOf(stringStruct(7, 0, ''))).toMatch(/length/);
	});

	it('refuses same-client references to the future, bytes that do not decode and subdocuments', () => {
		expect(problemOf(stringStruct(7, 0, 'a', [7, 5]))).toMatch(/future/);
		const truncated = stringStruct(7, 0, 'hello').slice(0, -3);
		expect(problemOf(truncated)).toMatch(/decode/);
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		doc.getMap('m').set('sub', new Y.Doc());
		expect(problemOf(updates[0])).toMatch(/subdocument/);
	});
});

describe('missingDependency', () => {
	it('accepts every update of an honest editing session, in order, and the whole state', () => {
		const writer = new Y.Doc();
		const room = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (u: Uint8Array) => updates.push(u));
		const gen = prng.create(5);
		for (let i = 0; i < 100; i++) {
			const text = writer.getText('t');
			if (text.length > 3 && prng.bool(gen)) text.delete(prng.int32(gen, 0, text.length - 2), 2);
			else text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 5));
		}
		for (const update of updates) {
			expect(missingIn(room, update)).toBeNull();
			Y.applyUpdate(room, update);
		}
		expect(missingIn(new Y.Doc(), Y.encodeStateAsUpdate(writer))).toBeNull();
	});

	it('refuses a gap, a reference to content never seen, and a deletion of it', () => {
		const writer = new Y.Doc();
		const updates: Uint8Array[] = [];
		writer.on('update', (u: Uint8Array) => updates.push(u));
		writer.getText('t').insert(0, 'first');
		writer.getText('t').insert(5, ' second');
		writer.getText('t').delete(0, 5);
		const room = new Y.Doc();
		expect(missingIn(room, updates[1])).toMatch(/missing updates/);
		expect(missingIn(room, updates[2])).toMatch(/deletes missing/);
		// Another client's edit, placed after content the room has never had.
		const other = new Y.Doc();
		Y.applyUpdate(other, updates[0]);
		const after: Uint8Array[] = [];
		other.on('update', (u: Uint8Array) => after.push(u));
		other.getText('t').insert(5, '!');
		expect(missingIn(room, after[0])).toMatch(/missing content/);
		Y.applyUpdate(room, updates[0]);
		expect(missingIn(room, after[0])).toBeNull();
	});
});
