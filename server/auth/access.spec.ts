import { describe, it, expect } from 'vitest';
import { openStore } from '../store/index.ts';
import { addUsers, addWorkshop } from '../store/__fixtures__/seed.ts';
import { decideWorkshopAccess } from './access.ts';

describe('workshop access decision', () => {
	it('answers 401, 404, 403 or the role, in that order', async () => {
		const store = await openStore({ databasePath: ':memory:' });
		await addUsers(store, ['fac', 'out', 'rdr'], (id) => id);
		const w = await addWorkshop(store, 'fac');
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
