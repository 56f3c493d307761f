/** The sync service's Prometheus series, registered once per process. */
import type { Counter, Histogram, Registry } from '../metrics.ts';

export interface SyncMetrics {
	messagesIn: Counter;
	messagesOut: Counter;
	bytesIn: Counter;
	bytesOut: Counter;
	refusedWrites: Counter;
	resyncsRequested: Counter;
	droppedAwareness: Counter;
	roomLoads: Counter;
	roomLoadFailures: Counter;
	persistBatch: Histogram;
	updateLatency: Histogram;
	compactions: Counter;
	upgradesRejected: Counter;
	closes: Counter;
}

export function registerSyncMetrics(
	registry: Registry,
	read: { connections: () => number; rooms: () => number }
): SyncMetrics {
	registry.gauge('drawline_sync_connections', 'Open sync WebSocket connections', read.connections);
	registry.gauge('drawline_sync_rooms', 'Rooms (documents) loaded in memory', read.rooms);
	return {
		messagesIn: registry.counter('drawline_sync_messages_in_total', 'Messages received'),
		messagesOut: registry.counter('drawline_sync_messages_out_total', 'Messages sent'),
		bytesIn: registry.counter('drawline_sync_bytes_in_total', 'Bytes received in messages'),
		bytesOut: registry.counter('drawline_sync_bytes_out_total', 'Bytes sent in messages'),
		refusedWrites: registry.counter(
			'drawline_sync_writes_refused_total',
			'Document updates refused (never applied, stored or sent), by reason'
		),
		resyncsRequested: registry.counter(
			'drawline_sync_resyncs_requested_total',
			'Updates not applied because they build on updates the room lacks; the sender was sent the room state vector'
		),
		droppedAwareness: registry.counter(
			'drawline_sync_awareness_dropped_total',
			'Awareness states refused because they claimed another user or clientID'
		),
		roomLoads: registry.counter(
			'drawline_room_loads_total',
			'Rooms loaded from the store, by kind'
		),
		roomLoadFailures: registry.counter(
			'drawline_room_load_failures_total',
			'Room loads that failed (their connections were closed)'
		),
		persistBatch: registry.histogram(
			'drawline_sync_persist_batch_seconds',
			'Time to commit one batch of updates to the store',
			[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
		),
		updateLatency: registry.histogram(
			'drawline_sync_update_broadcast_seconds',
			'From applying an update to broadcasting it, commit included',
			[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
		),
		compactions: registry.counter(
			'drawline_sync_compactions_total',
			'Update logs compacted into a snapshot'
		),
		upgradesRejected: registry.counter(
			'drawline_sync_upgrades_rejected_total',
			'Upgrade requests refused before the handshake, by HTTP status'
		),
		closes: registry.counter(
			'drawline_sync_closes_total',
			'Connections closed by the server, by code'
		)
	};
}
