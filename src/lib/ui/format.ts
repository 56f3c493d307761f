import type { MemberRole } from '#lib/contracts/roles.ts';

export const ROLE_NAMES: Record<MemberRole, string> = {
	facilitator: 'Facilitator',
	participant: 'Participant',
	reader: 'Reader'
};

export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
	facilitator: 'Runs the session, manages members and invites, publishes the charter.',
	participant: 'Places cards, sets the letters, writes rationale and flags dissent.',
	reader: 'Reads the board and the published charter; changes nothing.'
};

/** "Ana Lima" → "AL", "sam" → "SA". */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	if (words.length === 1) return [...words[0]].slice(0, 2).join('').toUpperCase();
	return ([...words[0]][0] + [...words[words.length - 1]][0]).toUpperCase();
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
	['year', 365 * 24 * 3600_000],
	['month', 30 * 24 * 3600_000],
	['week', 7 * 24 * 3600_000],
	['day', 24 * 3600_000],
	['hour', 3600_000],
	['minute', 60_000]
];

const SHORT: Partial<Record<Intl.RelativeTimeFormatUnit, string>> = { minute: 'min', hour: 'h' };

/** "just now", "3 min ago", "2 h ago", "yesterday", "4 days ago". */
export function timeAgo(at: number, now = Date.now()): string {
	const elapsed = Math.max(0, now - at);
	if (elapsed < 60_000) return 'just now';
	for (const [unit, size] of UNITS) {
		if (elapsed >= size) {
			const count = Math.floor(elapsed / size);
			if (unit === 'day' && count === 1) return 'yesterday';
			const short = SHORT[unit];
			if (short) return `${count} ${short} ago`;
			return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
		}
	}
	return 'just now';
}

export function formatDate(at: number): string {
	return new Date(at).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
}
