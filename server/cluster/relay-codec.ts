/**
 * The bytes of relayed messages: which instance sent it (so it ignores its
 * own), then the message. Binary, so updates cross without base64.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ClusterCommand, RoomMessage } from '../sync/relay.ts';

const UPDATE = 0;
const AWARENESS = 1;

export function encodeRoomMessage(sender: string, message: RoomMessage): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, sender);
	if (message.type === 'update') {
		encoding.writeVarUint(encoder, UPDATE);
		encoding.writeVarUint(encoder, message.first);
		encoding.writeVarUint(encoder, message.last);
		encoding.writeVarUint(encoder, message.updates.length);
		for (const update of message.updates) encoding.writeVarUint8Array(encoder, update);
	} else {
		encoding.writeVarUint(encoder, AWARENESS);
		encoding.writeVarUint8Array(encoder, message.update);
	}
	return encoding.toUint8Array(encoder);
}

/** Throws on bytes that are not a room message. */
export function decodeRoomMessage(bytes: Uint8Array): { sender: string; message: RoomMessage } {
	const decoder = decoding.createDecoder(bytes);
	const sender = decoding.readVarString(decoder);
	const type = decoding.readVarUint(decoder);
	if (type === UPDATE) {
		const first = decoding.readVarUint(decoder);
		const last = decoding.readVarUint(decoder);
		const count = decoding.readVarUint(decoder);
		const updates: Uint8Array[] = [];
		for (let i = 0; i < count; i++) updates.push(decoding.readVarUint8Array(decoder));
		return { sender, message: { type: 'update', first, last, updates } };
	}
	if (type === AWARENESS) {
		return { sender, message: { type: 'awareness', update: decoding.readVarUint8Array(decoder) } };
	}
	throw new Error(`unknown relay message type ${type}`);
}

export function encodeCommand(sender: string, command: ClusterCommand): string {
	return JSON.stringify({ sender, command });
}

export function decodeCommand(text: string): { sender: string; command: ClusterCommand } {
	const parsed = JSON.parse(text) as { sender?: unknown; command?: { type?: unknown } };
	if (typeof parsed.sender !== 'string' || typeof parsed.command?.type !== 'string') {
		throw new Error('not a cluster command');
	}
	return parsed as { sender: string; command: ClusterCommand };
}
