import { describe, it, expect } from 'vitest';
import { labelFor, parseRoles, readFramework } from './workshop-form.ts';

function form(rows: [id: string, name: string, label: string, color: string][], focus: number) {
	const data = new FormData();
	for (const [id, name, label, color] of rows) {
		data.append('roleId', id);
		data.append('roleName', name);
		data.append('roleLabel', label);
		data.append('roleColor', color);
	}
	data.set('focusRole', String(focus));
	return data;
}

describe('roles from the create form', () => {
	it('keeps template ids, derives ids and labels for new roles, drops blank rows', () => {
		const parsed = parseRoles(
			form(
				[
					['pm', ' Product  Manager ', 'PM', '#6d28d9'],
					['', '', '', '#000000'],
					['', 'Data Science', '', 'not-a-colour'],
					['', 'Data science team', 'DST', '#0E7490']
				],
				0
			)
		);
		expect(parsed.error).toBeNull();
		expect(parsed.roles).toEqual([
			{ id: 'pm', name: 'Product Manager', label: 'PM', color: '#6d28d9' },
			{
				id: 'data-science',
				name: 'Data Science',
				label: 'DS',
				color: expect.stringMatching(/^#[0-9a-f]{6}$/)
			},
			{ id: 'data-science-team', name: 'Data science team', label: 'DST', color: '#0e7490' }
		]);
		expect(parsed.focusRoleId).toBe('pm');
		expect(parsed.rows).toHaveLength(3);
	});

	it('maps the focus to the right role after blank rows are dropped', () => {
		const parsed = parseRoles(
			form(
				[
					['', '', '', ''],
					['a', 'Alpha', '', ''],
					['b', 'Beta', '', '']
				],
				2
			)
		);
		expect(parsed.focusRoleId).toBe('b');
		expect(parsed.focusIndex).toBe(1);
	});

	it('says what is wrong, per row and for the list', () => {
		const duplicate = parseRoles(
			form(
				[
					['a', 'Sales', '', ''],
					['b', 'sales', '', '']
				],
				0
			)
		);
		expect(duplicate.rowErrors).toEqual({ 1: 'Two roles have this name.' });
		expect(parseRoles(form([['a', '', 'X', '']], 0)).rowErrors[0]).toMatch(/Give this role a name/);
		expect(parseRoles(form([['a', 'Only', '', '']], 0)).error).toMatch(/at least 2 roles/);
		expect(
			parseRoles(
				form(
					[
						['a', 'A', '', ''],
						['b', 'B', '', '']
					],
					-1
				)
			).error
		).toMatch(/focus role/);
		const many = Array.from(
			{ length: 13 },
			(_, i) => [`r${i}`, `Role ${i}`, '', ''] as [string, string, string, string]
		);
		expect(parseRoles(form(many, 0)).error).toMatch(/12 roles/);
	});

	it('makes short labels from names', () => {
		expect(labelFor('Customer Support & Success')).toBe('CSS');
		expect(labelFor('Engineering')).toBe('ENG');
		expect(labelFor('Program/Project Management')).toBe('PPM');
	});
});

describe('the matrix from the create form', () => {
	const withFramework = (value?: string) => {
		const data = new FormData();
		if (value !== undefined) data.set('framework', value);
		return readFramework(data);
	};

	it('takes RACI, RASCI or DACI, and RACI when the form does not say', () => {
		expect(withFramework('rasci')).toEqual({ framework: 'rasci', error: null });
		expect(withFramework('daci')).toEqual({ framework: 'daci', error: null });
		expect(withFramework()).toEqual({ framework: 'raci', error: null });
	});

	it('refuses any other value with a message', () => {
		expect(withFramework('RACI; drop table').error).toBe('Choose RACI, RASCI or DACI.');
		expect(withFramework('DACI').error).toBe('Choose RACI, RASCI or DACI.');
	});
});
