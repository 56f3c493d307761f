/**
 * Fan-out between instances that serve the same rooms (Redis in production,
 * server/cluster). The store stays the truth: a relayed update is committed
 * before it is published, and an instance that missed messages reads them from
 * the store, so the relay may drop or repeat messages (Yjs merges duplicates).
 */

/** What crosses between instances for one room. */
export type RoomMessage =
	| {
			type: 'update';
			/** Log seqs of the first and last update, as the shared store assigned them. */
			first: number;
			last: number;
			updates: Uint8Array[];
	  }
	| { type: 'awareness'; update: Uint8Array };

export interface RoomListener {
	deliver(message: RoomMessage): void;
	/** Messages may have been lost (the subscription started late): read the store. */
	missed(): void;
}

/** Work every instance does for its own sockets when one instance is asked. */
export type ClusterCommand =
	| { type: 'refresh-member'; workshopId: string; userId: string }
	| { type: 'close-session'; sessionId: string }
	| { type: 'remove-workshop'; workshopId: string };

export interface Relay {
	/**
	 * Delivers the room's messages from other instances to `listener`; resolves once subscribed
	 * (or at once while the relay is away), with the function that stops this delivery.
	 */
	join(room: string, listener: RoomListener): Promise<() => void>;
	publish(room: string, message: RoomMessage): void;
	/** Sends a command to every other instance. */
	command(command: ClusterCommand): void;
	onCommand(handler: (command: ClusterCommand) => void): void;
	/** The relay may have lost messages (it reconnected): every room must read what it missed. */
	onResync(handler: () => void): void;
	/** 'ok', or why the relay cannot deliver now. */
	health(): Promise<'ok' | 'down'>;
	close(): Promise<void>;
}
