/**
 * One message for many sockets. `ws.send` frames a message again for every
 * socket (options object, header buffer, cork, two-buffer writev); a room
 * sends the same update to every peer, so it is framed once here — an
 * unmasked, final, binary WebSocket frame (RFC 6455 §5.2), which is all a
 * server sends without compression — and the same bytes are written to each
 * socket.
 *
 * Writing to the socket under `ws` is safe only while its sender has nothing
 * queued of its own (it queues only while compressing or reading a Blob, and
 * this server does neither); `rawSocket` checks that, and says null — use
 * `ws.send` — whenever it cannot tell.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

const FIN_BINARY = 0x82;

/** `data` as one complete binary frame from a server. */
export function frameBinary(data: Uint8Array): Buffer {
	const length = data.byteLength;
	const headerLength = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
	const frame = Buffer.allocUnsafe(headerLength + length);
	frame[0] = FIN_BINARY;
	if (length < 126) {
		frame[1] = length;
	} else if (length <= 0xffff) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeUInt32BE(0, 2);
		frame.writeUInt32BE(length, 6);
	}
	frame.set(data, headerLength);
	return frame;
}

/** A message for every peer of a room, framed on first use. */
export class SharedMessage {
	readonly data: Uint8Array;
	private framed: Buffer | null = null;

	constructor(data: Uint8Array) {
		this.data = data;
	}

	get frame(): Buffer {
		return (this.framed ??= frameBinary(this.data));
	}
}

interface WsInternals {
	_socket?: Duplex | null;
	_sender?: { _state?: number; _queue?: unknown[] } | null;
}

/** The socket under `ws` when a frame may be written to it directly, else null. */
export function rawSocket(ws: WebSocket): Duplex | null {
	const { _socket: socket, _sender: sender } = ws as unknown as WsInternals;
	if (!socket || !sender || sender._state !== 0 || sender._queue?.length !== 0) return null;
	return socket;
}
