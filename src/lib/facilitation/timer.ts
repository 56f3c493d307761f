/**
 * The shared countdown. Its state is plain data in the facilitation document, and every time in
 * it is server time (milliseconds since the epoch on the server's clock): each client corrects
 * its own clock with an offset measured against the server (`estimateOffset`), so a timer shows
 * the same remaining time on every screen, after a reload or a late join too.
 *
 * Running: `endsAt` is set and `remainingMs` is ignored. Paused or never started: `endsAt` is
 * null and `remainingMs` is what is left.
 */
export type TimerState = {
	/** The length it was set to, for progress and reset. */
	durationMs: number;
	/** Server time at which it reaches zero; null while paused. */
	endsAt: number | null;
	/** What is left while paused. */
	remainingMs: number;
};

export const MINUTE_MS = 60_000;
const DEFAULT_DURATION_MS = 10 * MINUTE_MS;
/** Longest timer a facilitator can set: a whole workshop. */
const MAX_DURATION_MS = 4 * 60 * MINUTE_MS;

export const createTimer = (durationMs = DEFAULT_DURATION_MS): TimerState => {
	const ms = clampDuration(durationMs);
	return { durationMs: ms, endsAt: null, remainingMs: ms };
};

const clampDuration = (ms: number): number =>
	Number.isFinite(ms) ? Math.min(MAX_DURATION_MS, Math.max(0, Math.round(ms))) : 0;

export const isRunning = (timer: TimerState): boolean => timer.endsAt !== null;

export const remaining = (timer: TimerState, now: number): number =>
	timer.endsAt === null ? Math.max(0, timer.remainingMs) : Math.max(0, timer.endsAt - now);

/** Running and at zero: the moment every screen shows its cue. */
export const isExpired = (timer: TimerState, now: number): boolean =>
	timer.endsAt !== null && now >= timer.endsAt;

/** Sets a new length and stops. */
export const setDuration = (_timer: TimerState, durationMs: number): TimerState =>
	createTimer(durationMs);

/** Starts or resumes; a timer that ran out starts over from its full length. */
export const start = (timer: TimerState, now: number): TimerState => {
	if (timer.endsAt !== null && timer.endsAt > now) return timer;
	const left = timer.endsAt === null ? remaining(timer, now) : 0;
	const from = left > 0 ? left : timer.durationMs;
	return { durationMs: timer.durationMs, endsAt: now + from, remainingMs: from };
};

export const pause = (timer: TimerState, now: number): TimerState =>
	timer.endsAt === null
		? timer
		: { durationMs: timer.durationMs, endsAt: null, remainingMs: remaining(timer, now) };

/** One more minute, running or not; a timer that ran out runs again for that minute. */
export const addMinute = (timer: TimerState, now: number): TimerState => {
	const left = remaining(timer, now) + MINUTE_MS;
	const durationMs = clampDuration(Math.max(timer.durationMs, left));
	if (timer.endsAt === null)
		return { durationMs, endsAt: null, remainingMs: Math.min(left, durationMs) };
	return { durationMs, endsAt: now + Math.min(left, durationMs), remainingMs: 0 };
};

export const reset = (timer: TimerState): TimerState => createTimer(timer.durationMs);

/** A stored value from any peer, made safe to read; null for anything that is not a timer. */
export const readTimer = (value: unknown): TimerState | null => {
	if (typeof value !== 'object' || value === null) return null;
	const entry = value as Record<string, unknown>;
	const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
	if (!finite(entry.durationMs) || !finite(entry.remainingMs)) return null;
	if (entry.endsAt !== null && !finite(entry.endsAt)) return null;
	return {
		durationMs: clampDuration(entry.durationMs),
		endsAt: entry.endsAt as number | null,
		remainingMs: Math.max(0, entry.remainingMs)
	};
};

export type ClockSample = { sentAt: number; serverNow: number; receivedAt: number };

/**
 * The offset to add to the local clock to get server time, from round trips to the server: the
 * sample with the shortest round trip wins (its midpoint is the most certain), as in NTP.
 */
export const estimateOffset = (samples: readonly ClockSample[]): number => {
	let best: ClockSample | null = null;
	for (const sample of samples) {
		if (sample.receivedAt < sample.sentAt) continue;
		if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
	}
	if (!best) return 0;
	return Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2);
};

/** "4:05", "0:09", "1:02:00"; rounds up so that "0:00" means done. */
export const formatRemaining = (ms: number): string => {
	const total = Math.ceil(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};
