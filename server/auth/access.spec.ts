import { describe, it, expect } from 'vitest';
import { openStore } from '../store/index.ts';
import { decideWorkshopAccess } from './access.ts';

describe('workshop access decision', () => {
	it('answers 401, 404, 403 or the role, in that order', async () => {
		const store = await openStore({ databasePath: ':memory:' });
		for (const id of ['fac', 'out', 'rdr']) {
			await store.users.create({
				id,
				username: id,
				displayName: id,
				passwordHash: null,
				isGuest: false,
				color: '#000000'
			});
		}
		const w = await store.workshops.create({
			title: 'T',
			team: 'X',
			templateId: 't',
			focusRoleId: 'pm',
			createdBy: 'fac'
		});
		await store.workshops.addMember(w.id, 'rdr', 'reader');
		const all = ['facilitator', 'participant', 'reader'] as const;

		expect(await decideWorkshopAccess(store.workshops, 'nope', null, all)).toMatchObject({
			ok: false,
			status: 401
		});
		expect(await decideWorkshopAccess(store.workshops, 'nope', 'fac', all)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await decideWorkshopAccess(store.workshops, w.id, 'out', all)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await decideWorkshopAccess(store.workshops, w.id, 'rdr', ['facilitator'])).toMatchObject(
			{ ok: false, status: 403 }
		);
		expect(await decideWorkshopAccess(store.workshops, w.id, 'rdr', all)).toMatchObject({
			ok: true,
			role: 'reader'
		});
		expect(await decideWorkshopAccess(store.workshops, w.id, 'fac', ['facilitator'])).toMatchObject(
			{ ok: true, role: 'facilitator', workshop: { id: w.id } }
		);
	});
});
