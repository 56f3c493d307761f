import { describe, expect, it } from 'vitest';
import { readAgreement, rowStatus, rowStatuses, settledRows, type Agreement } from './agreement.ts';

const fay = { id: 'fay', name: 'Fay' };
const edit = { userId: 'pat', name: 'Pat', at: 1000 };

describe('agreement', () => {
	const agreement: Agreement = { at: 2000, by: fay, edit };

	it('is open until agreed, then settled while the row is untouched', () => {
		expect(rowStatus(undefined, edit)).toEqual({ state: 'open' });
		expect(rowStatus(agreement, edit).state).toBe('agreed');
		expect(rowStatus({ ...agreement, edit: null }, undefined).state).toBe('agreed');
	});

	it('reopens on any later edit, naming who made it', () => {
		const later = { userId: 'ria', name: 'Ria', at: 3000 };
		expect(rowStatus(agreement, later)).toEqual({
			state: 'reopened',
			agreement,
			reopenedBy: later
		});
		expect(rowStatus({ ...agreement, edit: null }, later).state).toBe('reopened');
	});

	it('reopens even when the editor’s clock is behind the facilitator’s', () => {
		const skewed = { userId: 'ria', name: 'Ria', at: 1500 };
		expect(rowStatus(agreement, skewed).state).toBe('reopened');
	});

	it('lists the settled rows', () => {
		const statuses = rowStatuses(
			['a', 'b', 'c'],
			{ a: agreement, b: agreement },
			{ a: edit, b: { ...edit, at: 5000 } }
		);
		expect([...settledRows(statuses)]).toEqual(['a']);
		expect(statuses.c).toEqual({ state: 'open' });
	});

	it('reads stored agreements defensively', () => {
		expect(readAgreement({ at: 1, by: fay, edit: null })).toEqual({ at: 1, by: fay, edit: null });
		expect(readAgreement({ at: 'x', by: fay })).toBeNull();
		expect(readAgreement({ at: 1, by: fay, edit: { at: 'bad' } })?.edit).toBeNull();
	});
});
