import { describe, expect, it } from 'vitest';
import { NEUTRAL_COLOR, ROLE_COLORS, styleColor } from './role-colors.ts';

describe('styleColor', () => {
	it('passes plain #rrggbb colours through', () => {
		for (const color of ROLE_COLORS) expect(styleColor(color)).toBe(color);
		expect(styleColor('#ABCDEF')).toBe('#ABCDEF');
	});

	it.each([
		'red;background-image:url(http://127.0.0.1:9/x);position:fixed',
		'#123456;position:fixed',
		'#123456 ',
		'#12345',
		'#1234567',
		'red',
		'url(http://evil.example/x)',
		'var(--x)',
		'',
		'#12345g'
	])('replaces %j with the neutral colour', (value) => {
		expect(styleColor(value)).toBe(NEUTRAL_COLOR);
	});

	it('leaves an absent colour absent', () => {
		expect(styleColor(undefined)).toBeUndefined();
		expect(styleColor(null)).toBeUndefined();
	});
});
