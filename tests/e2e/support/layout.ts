import type { Page } from '@playwright/test';
import {
	setLocked,
	setSpotlight,
	setTimer
} from '../../../src/lib/facilitation/facilitation-doc.ts';
import { createTimer, start } from '../../../src/lib/facilitation/timer.ts';
import { openBoard, type roomInSession } from './room.ts';

/** What must stay whole and apart on the board, by selector (the first match of each). */
export const KEY_ELEMENTS = {
	'phase name': '[data-testid="phase-name"]',
	'phase instruction': '[data-testid="phase-instruction"]',
	timer: '[role="timer"]',
	legend: 'ul.legend[aria-label$=" letters"]',
	'lock chip': '[data-testid="lock-badge"]',
	spotlight: '[data-testid="spotlight-chip"]',
	'consent prompt': '[data-testid="consent-prompt"]',
	people: '[data-testid="presence-bar"]',
	'row title': '[data-testid="row-title"]',
	'letter menu': '[role="menu"]:popover-open'
};

export type KeyElement = keyof typeof KEY_ELEMENTS;

/**
 * Problems on the page: key elements that overlap each other or run off the screen, cut-off text
 * inside them, required ones missing, and a page wider than the window (sideways scrolling).
 */
export function layoutProblems(page: Page, required: KeyElement[]): Promise<string[]> {
	return page.evaluate(
		({ elements, required }) => {
			const problems: string[] = [];
			const boxes: { name: string; rect: DOMRect }[] = [];
			if (document.documentElement.scrollWidth > window.innerWidth + 1)
				problems.push(
					`the page is wider than the window (${document.documentElement.scrollWidth} > ${window.innerWidth})`
				);
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
					// What a box clips is cut off; what spills out of a visible box is not (a role dot
					// past its avatar), and a box that scrolls shows the rest on demand.
					const overflow = getComputedStyle(part).overflowX;
					if (
						part.scrollWidth > part.clientWidth + 1 &&
						(overflow === 'hidden' || overflow === 'clip')
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
		{ elements: KEY_ELEMENTS as Record<string, string>, required: required as string[] }
	);
}

/**
 * The fullest head a board can have: the longest row in the spotlight, the board locked, the
 * timer running. Opens the board for the facilitator, the participant and the reader.
 */
export async function crowdedHead(room: Awaited<ReturnType<typeof roomInSession>>) {
	const longest = [...room.rows].sort((a, b) => b.title.length - a.title.length)[0].id;
	await room.facilitate((doc) => {
		setSpotlight(doc, 'test', longest);
		setLocked(doc, 'test', true);
		setTimer(doc, 'test', start(createTimer(10 * 60_000), Date.now()));
	});
	return {
		facilitator: await openBoard(room.fay, room.id),
		participant: await openBoard(room.ana, room.id),
		reader: await openBoard(room.rita, room.id)
	};
}

/**
 * The problems once the page has settled after a resize: a media query swaps the grid for the
 * phone's row cards a moment after the window changes size, so the layout is read again, for up
 * to 2 s, while it still shows problems. A lasting problem is still reported.
 */
export async function settledLayoutProblems(page: Page, required: KeyElement[]): Promise<string[]> {
	const until = Date.now() + 2000;
	for (;;) {
		const problems = await layoutProblems(page, required);
		if (problems.length === 0 || Date.now() > until) return problems;
		await page.waitForTimeout(100);
	}
}
