/**
 * The relay over Redis pub/sub: one channel per room, one for commands.
 *
 * Pub/sub rather than streams because the log in the store already is the
 * durable, ordered stream: Redis only needs to be fast, and anything it drops
 * (a restart, a slow subscriber cut off) is read back from the store, by seq,
 * either when a gap shows or, after a reconnect, for every room at once.
 */
import { randomUUID } from 'node:crypto';
import { createRedisClient } from './redis-client.ts';
import type { ClusterCommand, Relay, RoomListener } from '../sync/relay.ts';
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

/** How long a starting instance waits for Redis before it serves without it. */
const STARTUP_WAIT_MS = 5000;

/**
 * Commands kept for a Redis that is away; beyond this the oldest go (the others' re-check
 * after their own reconnect still finds what they said).
 */
const MAX_UNSENT_COMMANDS = 10_000;

export async function openRedisRelay(options: RedisRelayOptions): Promise<Relay> {
	const instance = randomUUID();
	const channel = (room: string) => `${options.prefix}room:${room}`;
	const commandChannel = `${options.prefix}commands`;
	const counted = options.counted ?? (() => {});
	const commandHandlers: ((command: ClusterCommand) => void)[] = [];
	const resyncHandlers: (() => void)[] = [];
	/** Who listens to each subscribed room here. */
	const rooms = new Map<string, Set<RoomListener>>();

	// Publishing while Redis is away fails at once instead of piling up: the store has it all.
	const publisher = createRedisClient(options.url, 'publisher', true);
	const subscriber = createRedisClient(options.url, 'subscriber', false);
	// (Re)subscribed: whatever was published while not subscribed is in the store only. On the
	// first connection too, as rooms may have loaded while Redis was unreachable.
	subscriber.on('ready', () => {
		for (const handler of resyncHandlers) handler();
	});
	// An instance starts while Redis is away (and /healthz says so): rooms work from the store,
	// and subscriptions queue until it is back.
	for (const client of [publisher, subscriber]) {
		client.connect().catch((error: Error) => console.error('redis: cannot connect', error.message));
	}
	await Promise.race([
		new Promise((resolve) => subscriber.once('ready', resolve)),
		new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS).unref())
	]);

	/**
	 * Resolves once subscribed, or at once while Redis is away: the subscription then queues, and
	 * `late` runs when it is active, as messages published before were not received.
	 */
	function subscribe(promise: Promise<void>, late: () => void = () => {}): Promise<void> {
		const logged = promise.catch((error: Error) =>
			console.error('redis: subscribe failed', error.message)
		);
		if (subscriber.isReady) return logged;
		void logged.then(late);
		return Promise.resolve();
	}

	await subscribe(
		subscriber.subscribe(commandChannel, (text) => {
			try {
				const { sender, command } = decodeCommand(text);
				if (sender === instance) return;
				for (const handler of commandHandlers) handler(command);
			} catch (error) {
				console.error('redis: bad cluster command', error);
			}
		})
	);

	let publishFailing = false;
	function publish(name: string, payload: string | Buffer, failed: () => void = () => {}): void {
		counted('out', payload.length);
		publisher.publish(name, payload).then(
			() => (publishFailing = false),
			(error: Error) => {
				// The store has it; other instances read it when they see the gap or reconnect.
				if (!publishFailing) console.error('redis: publish failed', error.message);
				publishFailing = true;
				failed();
			}
		);
	}

	/**
	 * Commands this instance could not publish, sent again once its link is back: an instance
	 * whose own subscription never broke sees no gap and would not re-check its sockets.
	 */
	const unsent: string[] = [];
	function sendCommand(payload: string): void {
		publish(commandChannel, payload, () => {
			unsent.push(payload);
			if (unsent.length > MAX_UNSENT_COMMANDS) unsent.shift();
		});
	}
	publisher.on('ready', () => {
		for (const payload of unsent.splice(0)) sendCommand(payload);
	});

	return {
		async join(room, listener) {
			let listeners = rooms.get(room);
			if (!listeners) {
				listeners = new Set();
				rooms.set(room, listeners);
				await subscribe(
					subscriber.subscribe(
						channel(room),
						(bytes) => {
							counted('in', bytes.length);
							try {
								const { sender, message } = decodeRoomMessage(bytes);
								if (sender === instance) return;
								for (const each of rooms.get(room) ?? []) each.deliver(message);
							} catch (error) {
								console.error(`redis: bad message for ${room}`, error);
							}
						},
						true
					),
					() => {
						for (const each of rooms.get(room) ?? []) each.missed();
					}
				);
			}
			listeners.add(listener);
			return () => {
				const current = rooms.get(room);
				if (!current?.delete(listener) || current.size > 0) return;
				rooms.delete(room);
				subscriber.unsubscribe(channel(room)).catch(() => {});
			};
		},
		publish(room, message) {
			publish(channel(room), Buffer.from(encodeRoomMessage(instance, message)));
		},
		command(command) {
			sendCommand(encodeCommand(instance, command));
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
