import { expect, test, type Page } from '@playwright/test';
import {
	setLocked,
	setPhase,
	setSpotlight,
	setTimer
} from '../../src/lib/facilitation/facilitation-doc.ts';
import { PHASE_IDS, type PhaseId } from '../../src/lib/facilitation/phases.ts';
import { createTimer, start } from '../../src/lib/facilitation/timer.ts';
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

/** What must stay whole and apart, by selector. */
const KEY_ELEMENTS = {
	'phase name': '[data-testid="phase-name"]',
	'phase instruction': '[data-testid="phase-instruction"]',
	timer: '[role="timer"]',
	legend: 'ul[aria-label="Letters"]',
	'lock chip': '[data-testid="lock-badge"]',
	spotlight: '[data-testid="spotlight-chip"]',
	'consent prompt': '[data-testid="consent-prompt"]',
	people: '[data-testid="presence-bar"]'
};

/** Problems on the page: overlapping key elements, cut-off text, missing required ones. */
function layoutProblems(page: Page, required: string[]) {
	return page.evaluate(
		({ elements, required }) => {
			const problems: string[] = [];
			const boxes: { name: string; rect: DOMRect }[] = [];
			for (const [name, selector] of Object.entries(elements)) {
				const element = document.querySelector<HTMLElement>(selector);
				const rect = element?.getBoundingClientRect();
				if (!element || !rect || rect.width === 0 || rect.height === 0) {
					if (required.includes(name)) problems.push(`${name} is not shown`);
					continue;
				}
				boxes.push({ name, rect });
				if (rect.left < -1 || rect.right > window.innerWidth + 1)
					problems.push(`${name} runs off the screen`);
				for (const part of [element, ...element.querySelectorAll<HTMLElement>('*')]) {
					// Text for screen readers only is clipped on purpose.
					if (part.clientWidth <= 1) continue;
					if (
						part.scrollWidth > part.clientWidth + 1 &&
						getComputedStyle(part).overflowX !== 'auto'
					)
						problems.push(`${name} is cut off (${part.scrollWidth} > ${part.clientWidth})`);
				}
			}
			for (let i = 0; i < boxes.length; i++) {
				for (let j = i + 1; j < boxes.length; j++) {
					const a = boxes[i].rect;
					const b = boxes[j].rect;
					const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
					const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
					if (x > 1 && y > 1) problems.push(`${boxes[i].name} overlaps ${boxes[j].name}`);
				}
			}
			return [...new Set(problems)];
		},
		{ elements: KEY_ELEMENTS, required }
	);
}

test('the board head never overlaps or cuts off, for each role, in each phase, at 1280, 1440 and 1920 wide', async ({
	browser
}) => {
	test.setTimeout(360_000);
	const room = await roomInSession(lab, browser);
	const longest = [...room.rows].sort((a, b) => b.title.length - a.title.length)[0].id;
	await room.facilitate((doc) => {
		setSpotlight(doc, 'test', longest);
		setLocked(doc, 'test', true);
		setTimer(doc, 'test', start(createTimer(10 * 60_000), Date.now()));
	});
	const pages = {
		facilitator: await openBoard(room.fay, room.id),
		participant: await openBoard(room.ana, room.id),
		reader: await openBoard(room.rita, room.id)
	};
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
				const required = ['phase name', 'phase instruction', 'timer', 'lock chip', 'spotlight'];
				if (phase === 'published' && role !== 'reader') required.push('consent prompt');
				if (process.env.SHOTS_DIR && viewport.width === 1440)
					await page.screenshot({ path: `${process.env.SHOTS_DIR}/${role}-${phase}.png` });
				for (const problem of await layoutProblems(page, required))
					found.push(`${role}, ${phase}, ${viewport.width}×${viewport.height}: ${problem}`);
			}
		}
	}
	expect(found).toEqual([]);
});
