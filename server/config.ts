import { hostname } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from '../src/lib/board/content.ts';

/**
 * Every setting Drawline reads comes from the environment, so one build runs
 * anywhere. README.md lists each variable; keep the two in step.
 */
export interface Config {
	port: number;
	host: string;
	/** Public origin (scheme://host[:port]); when unset, the request's Host header is trusted. */
	origin: string | null;
	dataDir: string;
	databasePath: string;
	/** postgres://… puts every store on PostgreSQL (several instances may share it); null: SQLite. */
	databaseUrl: string | null;
	databasePoolSize: number;
	/** redis://… relays rooms and commands between instances; null: one instance. */
	redisUrl: string | null;
	/** Put before every Redis channel name, so deployments (or tests) can share one Redis. */
	redisPrefix: string;
	/** Names this process in /metrics, so series from several instances stay apart. */
	instanceName: string;
	sessionTtlMs: number;
	maxMessageBytes: number;
	/** Largest presence (awareness) state relayed, in bytes of JSON. */
	maxAwarenessBytes: number;
	maxConnectionsPerRoom: number;
	heartbeatMs: number;
	maxBufferedBytes: number;
	persistBatchMs: number;
	compactThreshold: number;
	roomIdleMs: number;
	/** Bearer token that /metrics asks for; null: only loopback addresses may scrape. */
	metricsToken: string | null;
	/** Creation caps: workshops one account starts per hour, open invites and share links per workshop. */
	caps: { workshopsPerHour: number; openInvites: number; shareLinks: number };
	pdf: {
		workers: number;
		queue: number;
		maxRows: number;
		timeoutMs: number;
		workerMemoryMb: number;
	};
	/** What a board or facilitation document may hold (checked on every update). */
	content: ContentLimits;
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min = 0): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min) {
		throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
	}
	return value;
}

function readDatabaseUrl(env: Env): string | null {
	const raw = env.DATABASE_URL;
	if (!raw) return null;
	if (!/^postgres(ql)?:\/\//.test(raw)) {
		throw new Error('DATABASE_URL must be a postgres:// URL such as postgres://user@host/db');
	}
	return raw;
}

function readRedisUrl(env: Env, databaseUrl: string | null): string | null {
	const raw = env.REDIS_URL;
	if (!raw) return null;
	if (!/^rediss?:\/\//.test(raw)) {
		throw new Error('REDIS_URL must be a redis:// URL such as redis://127.0.0.1:6379');
	}
	// Instances relaying rooms must share one log; each would have its own SQLite file.
	if (!databaseUrl) throw new Error('REDIS_URL needs DATABASE_URL (PostgreSQL) as well');
	return raw;
}

function readOrigin(env: Env): string | null {
	const raw = env.ORIGIN;
	if (!raw) return null;
	try {
		return new URL(raw).origin;
	} catch {
		throw new Error(`ORIGIN must be a URL such as https://drawline.example.com, got "${raw}"`);
	}
}

export function loadConfig(env: Env = process.env): Config {
	const dataDir = path.resolve(env.DATA_DIR || 'data');
	const databaseUrl = readDatabaseUrl(env);
	return {
		port: readInt(env, 'PORT', 3000),
		host: env.HOST || '0.0.0.0',
		origin: readOrigin(env),
		dataDir,
		databasePath: path.resolve(env.DATABASE_PATH || path.join(dataDir, 'drawline.db')),
		databaseUrl,
		databasePoolSize: readInt(env, 'DATABASE_POOL_SIZE', 10, 1),
		redisUrl: readRedisUrl(env, databaseUrl),
		redisPrefix: env.REDIS_PREFIX || 'drawline:',
		instanceName: env.INSTANCE_NAME || `${hostname()}-${process.pid}`,
		sessionTtlMs: readInt(env, 'SESSION_TTL_DAYS', 30, 1) * 24 * 60 * 60 * 1000,
		maxMessageBytes: readInt(env, 'MAX_MESSAGE_BYTES', 1024 * 1024, 1024),
		maxAwarenessBytes: readInt(env, 'MAX_AWARENESS_BYTES', 8 * 1024, 256),
		maxConnectionsPerRoom: readInt(env, 'MAX_CONNECTIONS_PER_ROOM', 200, 1),
		heartbeatMs: readInt(env, 'HEARTBEAT_MS', 30_000, 100),
		maxBufferedBytes: readInt(env, 'MAX_BUFFERED_BYTES', 8 * 1024 * 1024, 1024),
		persistBatchMs: readInt(env, 'PERSIST_BATCH_MS', 0),
		compactThreshold: readInt(env, 'COMPACT_THRESHOLD', 500, 2),
		roomIdleMs: readInt(env, 'ROOM_IDLE_MS', 10_000),
		metricsToken: env.METRICS_TOKEN || null,
		caps: {
			workshopsPerHour: readInt(env, 'MAX_WORKSHOPS_PER_HOUR', 20, 1),
			openInvites: readInt(env, 'MAX_OPEN_INVITES', 50, 1),
			shareLinks: readInt(env, 'MAX_SHARE_LINKS', 50, 1)
		},
		pdf: {
			workers: readInt(env, 'PDF_WORKERS', 1),
			queue: readInt(env, 'PDF_QUEUE', 20),
			maxRows: readInt(env, 'PDF_MAX_ROWS', 2000, 1),
			timeoutMs: readInt(env, 'PDF_TIMEOUT_MS', 60_000, 100),
			workerMemoryMb: readInt(env, 'PDF_WORKER_MEMORY_MB', 512, 32)
		},
		content: {
			maxRoles: readInt(env, 'MAX_ROLES_PER_BOARD', DEFAULT_CONTENT_LIMITS.maxRoles, 1),
			maxCards: readInt(env, 'MAX_CARDS_PER_BOARD', DEFAULT_CONTENT_LIMITS.maxCards, 1),
			maxNoteChars: readInt(env, 'MAX_NOTE_CHARS', DEFAULT_CONTENT_LIMITS.maxNoteChars, 1),
			maxDocBytes: readInt(env, 'MAX_DOC_BYTES', DEFAULT_CONTENT_LIMITS.maxDocBytes, 64 * 1024)
		}
	};
}
