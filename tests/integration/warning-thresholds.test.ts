import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFacilitation } from '../../src/lib/facilitation/facilitation-doc.ts';
import { DEFAULT_RULE_OPTIONS } from '../../src/lib/board/rules.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import {
	addMember,
	connect,
	signUp,
	synced,
	waitFor,
	type TestUser
} from '../support/sync-client.ts';
import { asPerson } from '../support/workshop-http.ts';
import {
	createCharterWorkshop,
	publishOverHttp,
	writeFixtureBoard
} from '../support/charter-board.ts';

/**
 * A workshop's warning thresholds over HTTP: only a facilitator sets them (the server refuses a
 * participant), bad values come back with a clear error and change nothing, and a change moves
 * the warning on open boards at once and in the next published charter.
 */
describe('warning thresholds per workshop', () => {
	let server: RunningServer;
	let fac: TestUser;
	let pat: TestUser;
	let workshopId = '';

	const setThresholds = (user: TestUser, fields: Record<string, string>) =>
		asPerson(server, user).form(`/w/${workshopId}/settings?/thresholds`, fields);

	/** The Product Manager's "spread too thin" in the latest published charter, if it fired. */
	const publishedSpread = async () => {
		await publishOverHttp(server, fac, workshopId);
		const response = await fetch(`${server.url}/w/${workshopId}/charter.json`, {
			headers: { cookie: fac.cookie }
		});
		const charter = (await response.json()) as {
			roleWarnings: { rule: string; measure?: { count: number; threshold: number } }[];
		};
		return charter.roleWarnings.find((warning) => warning.rule === 'focus-overload') ?? null;
	};

	beforeAll(async () => {
		server = await startServer();
		fac = await signUp(server, 'Fiona Facilitator');
		pat = await signUp(server, 'Pat Participant');
		workshopId = await createCharterWorkshop(server, fac);
		await addMember(server, fac, workshopId, pat, 'participant');
		// The fixture board: the Product Manager does or owns 5 of its 9 rows.
		await writeFixtureBoard(server, fac, workshopId);
	});

	afterAll(async () => {
		await server?.stop();
		server?.cleanup();
	});

	it('fires "spread too thin" at the default threshold and says so', async () => {
		expect(await publishedSpread()).toMatchObject({ measure: { count: 5, threshold: 5 } });
	});

	it('refuses a participant, whatever the values, and keeps the facilitator’s', async () => {
		const response = await setThresholds(pat, {
			overloadPercent: '90',
			overloadMin: '50',
			consultedLeftOut: '0'
		});
		expect(response.status).toBe(403);
		expect(await publishedSpread()).toMatchObject({ measure: { count: 5, threshold: 5 } });
	});

	it('answers bad values with what is wrong, and changes nothing', async () => {
		const response = await setThresholds(fac, {
			overloadPercent: '0',
			overloadMin: '3',
			consultedLeftOut: '1'
		});
		const body = await response.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(body.data).toContain('Give a whole percentage from 1 to 100.');
		expect(await publishedSpread()).toMatchObject({ measure: { threshold: 5 } });
	});

	it('moves the warning when the facilitator changes a threshold, live and in the charter', async () => {
		const watcher = connect(server.url, pat, workshopId, 'facilitation');
		try {
			await synced(watcher);
			expect(readFacilitation(watcher.doc).thresholds).toEqual(DEFAULT_RULE_OPTIONS);

			const raised = await setThresholds(fac, {
				overloadPercent: '60',
				overloadMin: '3',
				consultedLeftOut: '1'
			});
			expect((await raised.json()).type).toBe('success');
			await waitFor(
				() => readFacilitation(watcher.doc).thresholds.overloadShare === 0.6,
				'the new threshold to reach an open board'
			);
			expect(await publishedSpread()).toBeNull();

			await setThresholds(fac, { overloadPercent: '40', overloadMin: '3', consultedLeftOut: '1' });
			expect(await publishedSpread()).toMatchObject({ measure: { count: 5, threshold: 4 } });
		} finally {
			watcher.destroy();
		}
	});
});
