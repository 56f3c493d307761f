import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openStore } from '#server/store/index.ts';
import { createFixtureBoard } from '#lib/board/__fixtures__/board.ts';
import { docName } from '#lib/contracts/sync.ts';
import { workshopFramework } from './workshop-framework.ts';

describe('the matrix a workshop uses', () => {
	it('comes from the workshop row, or from the board for a workshop created before the row had it', async () => {
		const store = await openStore({ databasePath: ':memory:' });
		const id = 'w-older';
		await store.docs.append(docName(id, 'board'), 0, [
			Y.encodeStateAsUpdate(createFixtureBoard('daci'))
		]);
		expect((await workshopFramework(store, { id, framework: null })).name).toBe('DACI');
		// The row wins: its board is not read at all.
		expect((await workshopFramework(store, { id, framework: 'rasci' })).name).toBe('RASCI');
		expect((await workshopFramework(store, { id: 'w-empty', framework: null })).name).toBe('RACI');
		await store.close();
	});
});
