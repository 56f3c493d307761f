import { describe, expect, it } from 'vitest';
import type { RevealResult } from '#lib/facilitation/proposals.ts';
import { roomEvent, type RoomState } from './room-events.ts';

const calm: RoomState = {
	phase: 'place',
	locked: false,
	spotlight: null,
	reveal: null,
	published: null
};
const titles = (id: string) => (id === 'c1' ? 'Own the roadmap' : null);
const by = { id: 'u1', name: 'Fay' };

describe('roomEvent', () => {
	it('says nothing when nothing the room shares changed', () => {
		expect(roomEvent(calm, { ...calm }, titles)).toBeNull();
	});

	it('names the new phase with its instruction', () => {
		const event = roomEvent(calm, { ...calm, phase: 'discuss' }, titles);
		expect(event?.kind).toBe('phase');
		expect(event?.message).toMatch(/^Now: Discuss\. Work through the queue/);
	});

	it('tells a publication rather than the phase change that comes with it', () => {
		const event = roomEvent(
			calm,
			{ ...calm, phase: 'published', published: { version: 2, at: 1, by } },
			titles
		);
		expect(event).toMatchObject({ kind: 'published', message: expect.stringContaining('v2') });
	});

	it('tells a reveal once per round', () => {
		const reveal = { round: 1 } as RevealResult;
		expect(roomEvent(calm, { ...calm, reveal }, titles)?.kind).toBe('reveal');
		expect(roomEvent({ ...calm, reveal }, { ...calm, reveal }, titles)).toBeNull();
	});

	it('tells a lock and an unlock', () => {
		expect(roomEvent(calm, { ...calm, locked: true }, titles)?.kind).toBe('lock');
		expect(roomEvent({ ...calm, locked: true }, calm, titles)?.kind).toBe('unlock');
	});

	it('names the row in the spotlight and points to it; clearing the spotlight is quiet', () => {
		expect(roomEvent(calm, { ...calm, spotlight: 'c1' }, titles)).toEqual({
			kind: 'spotlight',
			message: 'In the spotlight: Own the roadmap',
			cardId: 'c1'
		});
		expect(roomEvent({ ...calm, spotlight: 'c1' }, calm, titles)).toBeNull();
	});
});
