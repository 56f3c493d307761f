import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as syncProtocol from 'y-protocols/sync';
import { CLOSE_INVALID_PAYLOAD, CLOSE_PROTOCOL_ERROR } from '#lib/contracts/sync.ts';
import {
	ProtocolError,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate,
	isEmptyUpdate,
	readMessage
} from './protocol.ts';

/** One side of a connection, speaking only through encoded frames. */
function endpoint(doc: Y.Doc, outbox: Uint8Array[]) {
	doc.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') outbox.push(encodeUpdate(update));
	});
	return (frame: Uint8Array) => {
		const message = readMessage(frame);
		if (message.type === 'sync-step-1') outbox.push(encodeSyncStep2(doc, message.stateVector));
		else if (message.type === 'sync-step-2' || message.type === 'update') {
			Y.applyUpdate(doc, message.update, 'remote');
		}
	};
}

function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
	const text = doc.getText('text');
	const map = doc.getMap('cells');
	switch (prng.int32(gen, 0, 3)) {
		case 0:
			text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 4));
			break;
		case 1:
			if (text.length > 0) {
				const at = prng.int32(gen, 0, text.length - 1);
				text.delete(at, Math.min(prng.int32(gen, 1, 3), text.length - at));
			}
			break;
		case 2:
			map.set(`c${prng.int32(gen, 0, 9)}`, prng.oneOf(gen, ['R', 'A', 'C', 'I']));
			break;
		default:
			map.delete(`c${prng.int32(gen, 0, 9)}`);
	}
}

describe('sync protocol', () => {
	it('two documents converge through encoded frames, delivered in random batches', () => {
		for (const seed of [1, 2, 3, 42, 1234]) {
			const gen = prng.create(seed);
			const a = new Y.Doc();
			const b = new Y.Doc();
			const toB: Uint8Array[] = [];
			const toA: Uint8Array[] = [];
			const receiveA = endpoint(a, toB);
			const receiveB = endpoint(b, toA);
			toB.push(encodeSyncStep1(a));
			toA.push(encodeSyncStep1(b));
			for (let round = 0; round < 200; round++) {
				randomEdit(gen, prng.bool(gen) ? a : b);
				if (prng.int32(gen, 0, 4) === 0) {
					for (const frame of toA.splice(0, prng.int32(gen, 0, toA.length))) receiveA(frame);
					for (const frame of toB.splice(0, prng.int32(gen, 0, toB.length))) receiveB(frame);
				}
			}
			while (toA.length || toB.length) {
				for (const frame of toA.splice(0)) receiveA(frame);
				for (const frame of toB.splice(0)) receiveB(frame);
			}
			expect(b.getText('text').toString(), `seed ${seed}`).toBe(a.getText('text').toString());
			expect(b.getMap('cells').toJSON()).toEqual(a.getMap('cells').toJSON());
		}
	});

	it('reads the frames y-protocols writes, and writes the same bytes', () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'hello');
		const step1 = encoding.createEncoder();
		encoding.writeVarUint(step1, 0);
		syncProtocol.writeSyncStep1(step1, doc);
		expect(encodeSyncStep1(doc)).toEqual(encoding.toUint8Array(step1));
		expect(readMessage(encoding.toUint8Array(step1)).type).toBe('sync-step-1');

		const update = Y.encodeStateAsUpdate(doc);
		const frame = encoding.createEncoder();
		encoding.writeVarUint(frame, 0);
		syncProtocol.writeUpdate(frame, update);
		expect(encodeUpdate(update)).toEqual(encoding.toUint8Array(frame));
		expect(readMessage(encoding.toUint8Array(frame))).toEqual({ type: 'update', update });
	});

	it('rejects malformed frames with the close code to use', () => {
		const code = (frame: number[]) => {
			try {
				readMessage(new Uint8Array(frame));
			} catch (error) {
				expect(error).toBeInstanceOf(ProtocolError);
				return (error as ProtocolError).closeCode;
			}
			return 'accepted';
		};
		expect(code([])).toBe(CLOSE_INVALID_PAYLOAD);
		expect(code([7])).toBe(CLOSE_PROTOCOL_ERROR);
		expect(code([0, 9, 0])).toBe(CLOSE_PROTOCOL_ERROR);
		expect(code([0, 2, 5, 1, 2])).toBe(CLOSE_INVALID_PAYLOAD); // truncated payload
		expect(code([0, 2, 1, 0, 99])).toBe(CLOSE_INVALID_PAYLOAD); // trailing byte
		expect(code([0, 0, 2, 5, 1])).toBe(CLOSE_INVALID_PAYLOAD); // state vector cut short
		expect(code([3, 0])).toBe(CLOSE_INVALID_PAYLOAD);
		expect(code([0, 2, 2, 0, 0])).toBe('accepted');
	});

	it('never throws anything but ProtocolError on random bytes (seeded)', () => {
		const gen = prng.create(7);
		for (let i = 0; i < 5000; i++) {
			const frame = prng.uint8Array(gen, prng.int32(gen, 0, 64));
			if (i % 2 === 0 && frame.length > 0) frame[0] = prng.int32(gen, 0, 3);
			try {
				readMessage(frame);
			} catch (error) {
				expect(error).toBeInstanceOf(ProtocolError);
			}
		}
	});

	it('recognises the empty update a client sends when it has nothing new', () => {
		const doc = new Y.Doc();
		doc.getText('t').insert(0, 'x');
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(true);
		expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
	});
});
