/**
 * The y-websocket wire protocol, as spoken by the stock `y-websocket` client.
 *
 * Every WebSocket frame is binary and carries exactly one message:
 *
 *   message   = varUint(type) payload
 *   type 0    sync:      varUint(step) varUint8Array(data)
 *               step 0   sync step 1: data is the sender's state vector; the
 *                        receiver answers with step 2
 *               step 1   sync step 2: data is an update holding everything the
 *                        receiver of step 1 lacked
 *               step 2   update: data is an incremental Yjs update
 *   type 1    awareness: varUint8Array(update), where update is
 *                        varUint(n) n × (varUint(clientID) varUint(clock) varString(JSON state))
 *   type 2    auth:      varUint(0 = permission denied) varString(reason), server → client only
 *   type 3    query awareness: no payload; the receiver answers with every awareness state
 *
 * On connect the server sends step 1 and the current awareness states; the
 * client sends its own step 1 and awareness. Both sides answer step 1 with
 * step 2, so whatever either side lacks flows across, and reconnecting after
 * any outage re-syncs without extra bookkeeping.
 *
 * `readMessage` decodes untrusted bytes strictly (one message per frame, no
 * trailing bytes) and throws `ProtocolError` carrying the close code to use:
 * 1002 for an unknown message type, 1007 for a payload that does not decode.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
	AUTH_PERMISSION_DENIED,
	CLOSE_INVALID_PAYLOAD,
	CLOSE_PROTOCOL_ERROR,
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	SYNC_STEP_1,
	SYNC_STEP_2,
	SYNC_UPDATE
} from '#lib/contracts/sync.ts';

export type Message =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'sync-step-2'; update: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

export class ProtocolError extends Error {
	readonly closeCode: number;
	constructor(message: string, closeCode: number) {
		super(message);
		this.name = 'ProtocolError';
		this.closeCode = closeCode;
	}
}

function invalid(reason: string): ProtocolError {
	return new ProtocolError(reason, CLOSE_INVALID_PAYLOAD);
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
	const payload = decoding.readVarUint8Array(decoder);
	if (decoding.hasContent(decoder)) throw invalid('trailing bytes after message');
	return payload;
}

export function readMessage(data: Uint8Array): Message {
	const decoder = decoding.createDecoder(data);
	let type: number;
	try {
		type = decoding.readVarUint(decoder);
	} catch {
		throw invalid('empty or truncated message');
	}
	try {
		switch (type) {
			case MESSAGE_SYNC: {
				const step = decoding.readVarUint(decoder);
				const payload = readPayload(decoder);
				if (step === SYNC_STEP_1) {
					// Decoding proves the state vector well-formed before it reaches Yjs.
					Y.decodeStateVector(payload);
					return { type: 'sync-step-1', stateVector: payload };
				}
				if (step === SYNC_STEP_2) return { type: 'sync-step-2', update: payload };
				if (step === SYNC_UPDATE) return { type: 'update', update: payload };
				throw new ProtocolError(`unknown sync step ${step}`, CLOSE_PROTOCOL_ERROR);
			}
			case MESSAGE_AWARENESS:
				return { type: 'awareness', update: readPayload(decoder) };
			case MESSAGE_QUERY_AWARENESS:
				if (decoding.hasContent(decoder)) throw invalid('trailing bytes after message');
				return { type: 'query-awareness' };
		}
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		throw invalid(`malformed message: ${(error as Error).message}`);
	}
	throw new ProtocolError(`unknown message type ${type}`, CLOSE_PROTOCOL_ERROR);
}

/** True when an update carries no structs and no deletions: applying it changes nothing. */
export function isEmptyUpdate(update: Uint8Array): boolean {
	return update.length === 2 && update[0] === 0 && update[1] === 0;
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_STEP_1);
		encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
	});
}

/** Step 2 answering `stateVector`: everything in `doc` the other side lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_STEP_2);
		encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
	});
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MESSAGE_SYNC);
		encoding.writeVarUint(e, SYNC_UPDATE);
		encoding.writeVarUint8Array(e, update);
	});
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(e, update);
	});
}

/**
 * How a refusal's reason starts when the board is locked (rather than the role being read-only),
 * so the browser names the cause even before it has heard of the lock.
 */
export const REFUSED_BOARD_LOCKED = 'board-locked';

export function encodePermissionDenied(reason: string): Uint8Array {
	return encode((e) => {
		encoding.writeVarUint(e, MESSAGE_AUTH);
		encoding.writeVarUint(e, AUTH_PERMISSION_DENIED);
		encoding.writeVarString(e, reason);
	});
}
