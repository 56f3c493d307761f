import { describe, expect, it } from 'vitest';
import type { EventEmitter } from 'node:events';
import * as ws from 'ws';
import { WebSocket } from 'ws';
import { SharedMessage, frameBinary, rawSocket } from './frame.ts';

// `ws` ships its frame parser, but @types/ws does not declare it.
const { Receiver } = ws as unknown as {
	Receiver: new (options: { isServer: boolean }) => EventEmitter & { write(chunk: Buffer): void };
};

/** Decodes frames the way a client does, with `ws`'s own receiver. */
function receive(frame: Buffer): Buffer[] {
	const receiver = new Receiver({ isServer: false });
	const messages: Buffer[] = [];
	receiver.on('message', (data: Buffer, isBinary: boolean) => {
		expect(isBinary).toBe(true);
		messages.push(data);
	});
	receiver.write(frame);
	return messages;
}

describe('frameBinary', () => {
	it.each([0, 1, 125, 126, 127, 65_535, 65_536, 300_000])(
		'frames %i bytes as one binary message a client reads back',
		(length) => {
			const data = new Uint8Array(length).map((_, i) => i % 251);
			const messages = receive(frameBinary(data));
			expect(messages).toHaveLength(1);
			expect(new Uint8Array(messages[0])).toEqual(data);
		}
	);

	it('frames a shared message once, however many read it', () => {
		const message = new SharedMessage(new Uint8Array([1, 2, 3]));
		expect(message.frame).toBe(message.frame);
		expect(receive(message.frame).map((m) => [...m])).toEqual([[1, 2, 3]]);
	});

	it('has no raw socket for a WebSocket that is not connected', () => {
		// How `ws` makes a server-side socket before the handshake hands it one.
		const ws = new WebSocket(null as unknown as string, undefined, {});
		expect(rawSocket(ws)).toBeNull();
	});
});
