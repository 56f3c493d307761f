import { expect, test } from '@playwright/test';
import { setPhase } from '../../src/lib/facilitation/facilitation-doc.ts';
import { seriousViolations } from './support/axe.ts';
import { serverPerTest } from './support/lab.ts';
import { openBoard, roomInSession } from './support/room.ts';

/**
 * An axe-core audit of every kind of page people use: no serious or critical violation. Each
 * finding is reported with its rule and the first elements it hit.
 */

const lab = serverPerTest();

test('landing, sign-in, dashboard, new workshop, charter and diff have no serious accessibility violations', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const found: string[] = [];
	const visitor = await lab.newContext(browser);
	const page = await visitor.newPage();
	for (const [where, path] of [
		['landing', '/'],
		['sign-in', '/signin']
	]) {
		await page.goto(path);
		found.push(...(await seriousViolations(page, where)));
	}
	const room = await roomInSession(lab, browser, 8);
	await room.publish();
	await room.publish();
	const fayPage = await room.fay.newPage();
	for (const [where, path] of [
		['dashboard', '/'],
		['new workshop', '/workshops/new'],
		['charter', `/w/${room.id}/charter`],
		['diff', `/w/${room.id}/charter/diff?from=1&to=2`]
	]) {
		await fayPage.goto(path);
		found.push(...(await seriousViolations(fayPage, where)));
	}
	expect(found).toEqual([]);
});

for (const role of ['facilitator', 'participant', 'reader'] as const) {
	test(`the board of a ${role} has no serious accessibility violations in Place, Propose, the reveal and Published`, async ({
		browser
	}) => {
		test.setTimeout(180_000);
		const found: string[] = [];
		const room = await roomInSession(lab, browser, 8);
		const context = { facilitator: room.fay, participant: room.ana, reader: room.rita }[role];
		const board = await openBoard(context, room.id);
		await room.facilitate((doc) => setPhase(doc, 'test', 'place'));
		await expect(board.getByTestId('phase-name')).toHaveText('Place');
		found.push(...(await seriousViolations(board, 'place')));

		await room.step(room.fay, 'POST', 'round', { named: true });
		await room.step(room.ana, 'PUT', 'proposals', {
			cells: { [`${room.rows[0].id}:${room.roles[0].id}`]: 'A' }
		});
		await expect(board.getByTestId('phase-name')).toHaveText('Propose');
		found.push(...(await seriousViolations(board, 'propose')));
		await room.step(room.fay, 'POST', 'reveal');
		await expect(board.getByTestId('reveal')).toBeVisible();
		found.push(...(await seriousViolations(board, 'reveal')));

		await room.publish();
		await expect(board.getByTestId('phase-name')).toHaveText('Published');
		found.push(...(await seriousViolations(board, 'published')));
		expect(found).toEqual([]);
	});
}
