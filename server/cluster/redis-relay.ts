/**
 * The relay over Redis pub/sub: one channel per room, one for commands.
 *
 * Pub/sub rather than streams because the log in the store already is the
 * durable, ordered stream: Redis only needs to be fast, and anything it drops
 * (a restart, a slow subscriber cut off) is read back from the store, by seq,
 * either when a gap shows or, after a reconnect, for every room at once.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { ClusterCommand, Relay, RoomMessage } from '../sync/relay.ts';
import {
	decodeCommand,
	decodeRoomMessage,
	encodeCommand,
	encodeRoomMessage
} from './relay-codec.ts';

export interface RedisRelayOptions {
	url: string;
	/** Put before every channel name, so several deployments (or tests) share one Redis. */
	prefix: string;
	/** Cross-instance traffic, for /metrics. */
	counted?: (direction: 'in' | 'out', bytes: number) => void;
}

type Client = ReturnType<typeof createClient>;

export async function openRedisRelay(options: RedisRelayOptions): Promise<Relay> {
	const instance = randomUUID();
	const channel = (room: string) => `${options.prefix}room:${room}`;
	const commandChannel = `${options.prefix}commands`;
	const counted = options.counted ?? (() => {});
	const commandHandlers: ((command: ClusterCommand) => void)[] = [];
	const resyncHandlers: (() => void)[] = [];
	/** Who listens to each subscribed room here. */
	const rooms = new Map<string, Set<(message: RoomMessage) => void>>();

	const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 2000);
	const publisher: Client = createClient({ url: options.url, socket: { reconnectStrategy } });
	const subscriber: Client = publisher.duplicate();
	for (const [name, client] of [
		['publisher', publisher],
		['subscriber', subscriber]
	] as const) {
		client.on('error', (error: Error) => console.error(`redis ${name}:`, error.message));
	}
	let readyOnce = false;
	subscriber.on('ready', () => {
		// Resubscribed after a reconnect: whatever was published meanwhile is in the store only.
		if (readyOnce) for (const handler of resyncHandlers) handler();
		readyOnce = true;
	});
	await Promise.all([publisher.connect(), subscriber.connect()]);

	await subscriber.subscribe(commandChannel, (text) => {
		try {
			const { sender, command } = decodeCommand(text);
			if (sender === instance) return;
			for (const handler of commandHandlers) handler(command);
		} catch (error) {
			console.error('redis: bad cluster command', error);
		}
	});

	function publish(name: string, payload: string | Buffer): void {
		counted('out', payload.length);
		publisher.publish(name, payload).catch((error: Error) => {
			// The store has it; other instances read it when they see the gap or reconnect.
			console.error('redis: publish failed', error.message);
		});
	}

	return {
		async join(room, deliver) {
			let listeners = rooms.get(room);
			if (!listeners) {
				listeners = new Set();
				rooms.set(room, listeners);
				await subscriber.subscribe(
					channel(room),
					(bytes) => {
						counted('in', bytes.length);
						try {
							const { sender, message } = decodeRoomMessage(bytes);
							if (sender === instance) return;
							for (const listener of rooms.get(room) ?? []) listener(message);
						} catch (error) {
							console.error(`redis: bad message for ${room}`, error);
						}
					},
					true
				);
			}
			listeners.add(deliver);
			return () => {
				const current = rooms.get(room);
				if (!current?.delete(deliver) || current.size > 0) return;
				rooms.delete(room);
				subscriber.unsubscribe(channel(room)).catch(() => {});
			};
		},
		publish(room, message) {
			publish(channel(room), Buffer.from(encodeRoomMessage(instance, message)));
		},
		command(command) {
			publish(commandChannel, encodeCommand(instance, command));
		},
		onCommand(handler) {
			commandHandlers.push(handler);
		},
		onResync(handler) {
			resyncHandlers.push(handler);
		},
		async health() {
			if (!publisher.isReady || !subscriber.isReady) return 'down';
			try {
				await publisher.ping();
				return 'ok';
			} catch {
				return 'down';
			}
		},
		async close() {
			rooms.clear();
			await Promise.allSettled([publisher.close(), subscriber.close()]);
		}
	};
}
