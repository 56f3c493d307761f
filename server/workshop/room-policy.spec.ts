import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCKED, STATE } from '../../src/lib/facilitation/schema.ts';
import type { Role, RoomKind } from '../sync/access.ts';
import type { RoomView } from '../sync/policy.ts';
import { WorkshopRoomPolicy } from './room-policy.ts';

function room(kind: RoomKind, facilitation: Y.Doc | undefined): RoomView {
	return {
		name: `w1/${kind}`,
		kind,
		doc: new Y.Doc(),
		dependency: (name) => (name === 'w1/facilitation' ? facilitation : undefined)
	};
}

const peer = (role: Role) => ({ sessionId: 's', userId: 'u', userName: 'U', role });

describe('WorkshopRoomPolicy', () => {
	it('lets the facilitator write both rooms, participants the unlocked board, readers nothing', () => {
		const policy = new WorkshopRoomPolicy({ touchWorkshop: async () => {} });
		const facilitation = new Y.Doc();
		const board = room('board', facilitation);
		const control = room('facilitation', undefined);
		expect(policy.writeRefusal(board, peer('facilitator'))).toBeNull();
		expect(policy.writeRefusal(control, peer('facilitator'))).toBeNull();
		expect(policy.writeRefusal(board, peer('participant'))).toBeNull();
		expect(policy.writeRefusal(control, peer('participant'))).toBe('read-only');
		expect(policy.writeRefusal(board, peer('reader'))).toBe('read-only');

		facilitation.getMap(STATE).set(LOCKED, true);
		expect(policy.writeRefusal(board, peer('participant'))).toBe('board-locked');
		expect(policy.writeRefusal(board, peer('facilitator'))).toBeNull();
		expect(policy.writeRefusal(board, peer('reader'))).toBe('read-only');
		// Without its facilitation room a board cannot tell it is unlocked.
		expect(policy.writeRefusal(room('board', undefined), peer('participant'))).toBe('board-locked');
	});

	it("keeps a board's facilitation room loaded, and marks activity for board commits only", async () => {
		const touched: string[] = [];
		const policy = new WorkshopRoomPolicy({
			touchWorkshop: async (workshopId) => void touched.push(workshopId)
		});
		expect(policy.dependencies('w1/board', 'board')).toEqual(['w1/facilitation']);
		expect(policy.dependencies('w1/facilitation', 'facilitation')).toEqual([]);
		policy.committed(room('facilitation', undefined));
		await policy.close();
		expect(touched).toEqual([]);
		policy.committed(room('board', new Y.Doc()));
		await policy.close();
		expect(touched).toEqual(['w1']);
	});
});
