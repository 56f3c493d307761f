import { describe, expect, it } from 'vitest';
import { closeMessage, docName, syncServerUrl, workshopOf } from './sync.ts';
import { refusalCause, refusalReason, refusedChangeMessage } from './refusals.ts';

describe('sync contract', () => {
	it('builds the room URL the server parses, on the page origin and scheme', () => {
		expect(syncServerUrl({ protocol: 'https:', host: 'drawline.example' }, 'w 1')).toBe(
			'wss://drawline.example/sync/w%201'
		);
		expect(syncServerUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, 'w1')).toBe(
			'ws://127.0.0.1:3000/sync/w1'
		);
	});

	it('names a document after its workshop and kind, and reads the workshop back', () => {
		expect(docName('abc', 'facilitation')).toBe('abc/facilitation');
		expect(workshopOf(docName('abc', 'board'))).toBe('abc');
	});

	it('words the codes that end access for good, and falls back to the server reason', () => {
		expect(closeMessage(4403, '')).toBe('You are no longer a member of this workshop.');
		expect(closeMessage(1011, 'store failed')).toBe('store failed');
		expect(closeMessage(1000, '')).toBe('The server closed the connection.');
	});
});

describe('refusals', () => {
	it('reads the cause back from the reason the server sends', () => {
		expect(refusalReason('board-locked', 'board')).toBe(
			'board-locked: your changes to board are not saved'
		);
		expect(refusalCause(refusalReason('read-only', 'facilitation'))).toBe('read-only');
		expect(refusalCause('something else')).toBeNull();
	});

	it('tells a participant the lock was the cause only when the server says so', () => {
		expect(refusedChangeMessage(refusalReason('board-locked', 'board'))).toMatch(/locked/);
		expect(refusedChangeMessage(refusalReason('read-only', 'board'))).not.toMatch(/locked/);
	});
});
