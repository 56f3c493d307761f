import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './index.ts';
import { BACKENDS, useStoreBackend } from './__fixtures__/backends.ts';
import { addUsers, addWorkshop } from './__fixtures__/seed.ts';
import { buildCharter } from '../../src/lib/charter/charter.ts';
import { readBoard } from '../../src/lib/board/snapshot.ts';
import { FIXTURE_META, createFixtureBoard } from '../../src/lib/board/__fixtures__/board.ts';

const board = readBoard(createFixtureBoard());

const build = (version: number, publishedAt: number) => ({
	charter: buildCharter(board, {
		...FIXTURE_META,
		workshopId: workshopId,
		version,
		publishedAt: new Date(publishedAt).toISOString()
	}),
	board
});

let workshopId = '';

async function seed(store: Store) {
	await addUsers(store, ['fac', 'pat', 'zoe'], (id) =>
		id === 'zoe' ? 'Zoë Lindqvist' : id.toUpperCase()
	);
	workshopId = (await addWorkshop(store, 'fac', { title: 'PM lines', team: 'Checkout' })).id;
}

describe.each(BACKENDS)('charter store (%s)', (backend) => {
	const db = useStoreBackend(backend);
	let store: Store;
	beforeEach(async () => {
		store = db.store();
		await seed(store);
	});

	it('numbers versions from 1, hands the number to build, and reads them back', async () => {
		expect(await store.charters.get(workshopId)).toBeNull();
		expect(await store.charters.list(workshopId)).toEqual([]);
		const seen: number[] = [];
		const v1 = await store.charters.publish(workshopId, 'fac', (version, at) => {
			seen.push(version);
			return build(version, at);
		});
		const v2 = await store.charters.publish(workshopId, 'fac', (version, at) => {
			seen.push(version);
			return build(version, at);
		});
		expect(seen).toEqual([1, 2]);
		expect([v1.version, v2.version]).toEqual([1, 2]);
		expect(v2.charter.version).toBe(2);

		const latest = await store.charters.get(workshopId);
		expect(latest?.version).toBe(2);
		expect(latest?.charter).toEqual(v2.charter);
		expect(latest?.board).toEqual(board);
		expect(latest?.authorId).toBe('fac');
		expect((await store.charters.get(workshopId, 1))?.charter.version).toBe(1);
		expect(await store.charters.get(workshopId, 3)).toBeNull();
		expect(await store.charters.get('nope')).toBeNull();

		const list = await store.charters.list(workshopId);
		expect(list.map((v) => [v.version, v.title, v.authorId])).toEqual([
			[2, FIXTURE_META.title, 'fac'],
			[1, FIXTURE_META.title, 'fac']
		]);
		expect(list[0].publishedAt).toBe(v2.publishedAt);
	});

	it('keeps no trace of a publish whose build throws', async () => {
		await expect(
			store.charters.publish(workshopId, 'fac', () => {
				throw new Error('bad board');
			})
		).rejects.toThrow('bad board');
		expect(await store.charters.list(workshopId)).toEqual([]);
		const v = await store.charters.publish(workshopId, 'fac', build);
		expect(v.version).toBe(1);
	});

	it('shares a version by an unguessable token stored only as a hash, until revoked', async () => {
		await store.charters.publish(workshopId, 'fac', build);
		const pinned = await store.charters.createShare(workshopId, 1, 'fac');
		const latest = await store.charters.createShare(workshopId, null, 'fac');
		expect(pinned.token).toMatch(/^[a-z2-7]{32}$/); // 160 bits of base32
		expect(pinned.token).not.toBe(latest.token);

		expect(await store.charters.resolveShare(pinned.token)).toEqual({ workshopId, version: 1 });
		expect(await store.charters.resolveShare(latest.token)).toEqual({ workshopId, version: null });
		expect(await store.charters.resolveShare('unknown')).toBeNull();
		expect(await store.charters.resolveShare('')).toBeNull();

		const shares = await store.charters.listShares(workshopId);
		expect(shares.map((s) => [s.id, s.version, s.revokedAt])).toEqual(
			expect.arrayContaining([
				[pinned.id, 1, null],
				[latest.id, null, null]
			])
		);

		await store.charters.revokeShare('another-workshop', pinned.id);
		expect(await store.charters.resolveShare(pinned.token)).not.toBeNull();
		await store.charters.revokeShare(workshopId, pinned.id);
		expect(await store.charters.resolveShare(pinned.token)).toBeNull();
		expect(await store.charters.resolveShare(latest.token)).not.toBeNull();
		const revoked = (await store.charters.listShares(workshopId)).find((s) => s.id === pinned.id);
		expect(revoked?.revokedAt).toBeTypeOf('number');
	});

	it('refuses a share of a version that does not exist', async () => {
		await expect(store.charters.createShare(workshopId, 4, 'fac')).rejects.toThrow();
	});

	it('keeps one consent per user per version, the latest answer winning', async () => {
		await store.charters.publish(workshopId, 'fac', build);
		await store.charters.publish(workshopId, 'fac', build);
		await store.charters.setConsent(workshopId, 1, 'zoe', 'object', 'Budget is not ours');
		await store.charters.setConsent(workshopId, 1, 'pat', 'agree', '');
		await store.charters.setConsent(workshopId, 1, 'zoe', 'agree', 'Fine after the talk');
		await store.charters.setConsent(workshopId, 2, 'pat', 'object', 'Pricing?');

		const v1 = await store.charters.listConsents(workshopId, 1);
		expect(v1.map((c) => [c.userId, c.name, c.decision, c.comment])).toEqual([
			['pat', 'PAT', 'agree', ''],
			['zoe', 'Zoë Lindqvist', 'agree', 'Fine after the talk']
		]);
		expect((await store.charters.listConsents(workshopId, 2)).map((c) => c.decision)).toEqual([
			'object'
		]);
		await expect(store.charters.setConsent(workshopId, 9, 'pat', 'agree', '')).rejects.toThrow();
	});

	it('assigns distinct numbers to publishers on two connections to one database', async () => {
		const other = await db.openAnother();
		const stores = [store.charters, other.charters, store.charters, other.charters];
		const published = await Promise.all(stores.map((s) => s.publish(workshopId, 'fac', build)));
		expect(published.map((p) => p.version).sort()).toEqual([1, 2, 3, 4]);
	});

	it('aborts any UPDATE or DELETE of a published version, but lets the workshop go with it', async () => {
		await store.charters.publish(workshopId, 'fac', build);
		await store.charters.setConsent(workshopId, 1, 'pat', 'agree', '');
		await store.charters.createShare(workshopId, 1, 'fac');

		await expect(db.raw("UPDATE charter_versions SET charter_json = '{}'")).rejects.toThrow(
			/immutable/
		);
		await expect(db.raw('UPDATE charter_versions SET version = 5')).rejects.toThrow(/immutable/);
		await expect(db.raw('DELETE FROM charter_versions')).rejects.toThrow(/immutable/);
		expect((await store.charters.get(workshopId, 1))?.charter.version).toBe(1);

		await db.raw('DELETE FROM workshops WHERE id = $1', [workshopId]);
		expect(await db.raw('SELECT version FROM charter_versions')).toEqual([]);
	});
});
