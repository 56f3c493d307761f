import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '#server/store/index.ts';
import { readBoard } from '#lib/board/index.ts';
import { buildCharter } from '#lib/charter/index.ts';
import { FIXTURE_META, createFixtureBoard } from '#lib/board/__fixtures__/board.ts';
import { openCharter, parseVersion, type CharterScope } from './charter.ts';

const board = readBoard(createFixtureBoard());

describe('reading a published charter', () => {
	let store: Store;
	let workshopId = '';
	const scope = (only: number | null): CharterScope => ({
		workshopId,
		base: '/c/t',
		filesBase: '/c/t',
		kind: 'share',
		role: null,
		only
	});
	const status = async (fn: () => Promise<unknown>) => {
		try {
			await fn();
			return 200;
		} catch (error) {
			return (error as { status?: number }).status;
		}
	};

	beforeEach(async () => {
		store = await openStore({ databasePath: ':memory:' });
		for (const id of ['u-ana', 'u-zoe']) {
			await store.users.create({
				id,
				username: id,
				displayName: id === 'u-zoe' ? 'Zoë L.' : 'Ana',
				passwordHash: null,
				isGuest: false,
				color: '#000000'
			});
		}
		const workshop = await store.workshops.create({
			title: 'T',
			team: 'X',
			templateId: 'blank',
			focusRoleId: 'pm',
			createdBy: 'u-ana',
			framework: 'raci'
		});
		workshopId = workshop.id;
		for (let i = 0; i < 2; i++) {
			await store.charters.publish(workshopId, 'u-ana', (version, at) => ({
				charter: buildCharter(board, {
					...FIXTURE_META,
					workshopId,
					version,
					publishedAt: new Date(at).toISOString()
				}),
				board
			}));
		}
	});

	it('opens the latest by default, the pinned version of a pinned link, and refuses others', async () => {
		expect((await openCharter(store, scope(null), undefined))?.published.version).toBe(2);
		expect((await openCharter(store, scope(null), 1))?.latest).toBe(2);
		expect((await openCharter(store, scope(1), undefined))?.published.version).toBe(1);
		expect(await status(() => openCharter(store, scope(1), 2))).toBe(403);
		expect(await status(() => openCharter(store, scope(1), 5))).toBe(404);
		expect(await status(() => openCharter(store, scope(null), 5))).toBe(404);
	});

	it('lays the consents given since publishing over the charter’s own', async () => {
		await store.charters.setConsent(workshopId, 2, 'u-zoe', 'agree', 'Fine now');
		const { charter } = (await openCharter(store, scope(null), 2))!;
		const zoe = charter.consents.find((c) => c.userId === 'u-zoe');
		expect(zoe).toMatchObject({ name: 'Zoë L.', decision: 'agree', comment: 'Fine now' });
		expect(charter.consents.find((c) => c.userId === 'u-ana')?.decision).toBe('agree');
		const stored = (await store.charters.get(workshopId, 2))!.charter;
		expect(stored.consents.find((c) => c.userId === 'u-zoe')?.decision).toBe('object');
	});

	it('accepts only whole version numbers from 1', () => {
		expect(parseVersion(null)).toBeUndefined();
		expect(parseVersion('3')).toBe(3);
		for (const bad of ['0', '-1', '1.5', 'x', '1e3', '9999999999']) {
			expect(() => parseVersion(bad), bad).toThrow();
		}
	});
});
