import { expect, test } from '@playwright/test';
import { setPhase } from '../../src/lib/facilitation/facilitation-doc.ts';
import { PHASE_IDS, type PhaseId } from '../../src/lib/facilitation/phases.ts';
import { crowdedHead, settledLayoutProblems, type KeyElement } from './support/layout.ts';
import { serverPerTest } from './support/lab.ts';
import { openBoard, roomInSession } from './support/room.ts';

/**
 * The head of the board, for everyone, in every phase, on common laptop and desktop screens:
 * the phase, its instruction, the timer, the letter legend and the chips beside them never cover
 * each other, and none of them is cut off. Worst case: a long row in the spotlight, the board
 * locked, the timer running.
 */

const lab = serverPerTest();

const VIEWPORTS = [
	{ width: 1280, height: 720 },
	{ width: 1440, height: 900 },
	{ width: 1920, height: 1080 }
];

test('the board head never overlaps or cuts off, for each role, in each phase, at 1280, 1440 and 1920 wide', async ({
	browser
}) => {
	test.setTimeout(360_000);
	const room = await roomInSession(lab, browser);
	const pages = await crowdedHead(room);
	const found: string[] = [];
	for (const phase of PHASE_IDS) {
		if (phase === 'published') await room.publish();
		else await room.facilitate((doc) => setPhase(doc, 'test', phase as PhaseId));
		for (const [role, page] of Object.entries(pages)) {
			await expect(page.getByTestId('phase-instruction')).toBeAttached();
			await expect(page.getByTestId('phase-name')).toHaveText(
				phase === 'published' ? 'Published' : new RegExp(phase, 'i')
			);
			for (const viewport of VIEWPORTS) {
				await page.setViewportSize(viewport);
				const required: KeyElement[] = [
					'phase name',
					'phase instruction',
					'timer',
					'lock chip',
					'spotlight'
				];
				if (phase === 'published' && role !== 'reader') required.push('consent prompt');
				if (process.env.SHOTS_DIR && viewport.width === 1440)
					await page.screenshot({ path: `${process.env.SHOTS_DIR}/${role}-${phase}.png` });
				for (const problem of await settledLayoutProblems(page, required))
					found.push(`${role}, ${phase}, ${viewport.width}×${viewport.height}: ${problem}`);
			}
		}
	}
	expect(found).toEqual([]);
});

test('each phase leads with what it is for: tray and grid, the private grid, the perception gap, the queue and the row, the consent question', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const room = await roomInSession(lab, browser, 6);
	const page = await openBoard(room.ana, room.id);
	const tray = page.locator('#board-tray');
	const toggle = page.getByTestId('tray-toggle');

	await room.facilitate((doc) => setPhase(doc, 'test', 'place'));
	await expect(page.getByTestId('phase-name')).toHaveText('Place');
	await expect(tray).toBeVisible();
	await expect(page.getByRole('grid')).toBeVisible();

	await room.step(room.fay, 'POST', 'round', { named: true });
	await expect(page.getByTestId('phase-name')).toHaveText('Propose');
	await expect(page.getByRole('grid', { name: /Your proposals/ })).toBeVisible();
	await expect(tray).toHaveCount(0);
	await room.step(room.fay, 'POST', 'reveal');
	await expect(page.getByTestId('reveal')).toBeVisible();
	await expect(tray).toHaveCount(0);

	await room.facilitate((doc) => setPhase(doc, 'test', 'discuss'));
	const centre = page.getByTestId('discuss-centre');
	await expect(centre.getByTestId('queue-item').first()).toBeVisible();
	// The first row of the queue is the one to talk about until someone picks another.
	const first = await centre.getByTestId('queue-item').first().getAttribute('data-card-id');
	const title = room.rows.find((row) => row.id === first)!.title;
	await expect(centre.getByTestId('row-focus').getByRole('heading')).toHaveText(title);
	await expect(tray).toHaveCount(0);
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await toggle.click();
	await expect(tray).toBeVisible();
	await page.getByRole('tab', { name: 'Board', exact: true }).click();
	await expect(page.getByRole('grid')).toBeVisible();
	// Unfolded by hand, it stays so while the phases keep it folded, until folded again.
	await room.facilitate((doc) => setPhase(doc, 'test', 'agree'));
	await expect(page.getByTestId('phase-name')).toHaveText('Agree');
	await expect(tray).toBeVisible();
	await toggle.click();
	await expect(tray).toHaveCount(0);

	await room.publish();
	await expect(page.getByTestId('consent-prompt')).toBeVisible();
	await expect(tray).toHaveCount(0);
});
