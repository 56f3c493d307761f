import { describe, it, expect } from 'vitest';
import { policyFor, safeNext } from './access.ts';

describe('route policy', () => {
	it('guards everything under /w/[id], settings for facilitators only', () => {
		expect(policyFor('/w/[id]')?.read).toEqual(['facilitator', 'participant', 'reader']);
		expect(policyFor('/w/[id]')?.change).toEqual(['facilitator', 'participant']);
		expect(policyFor('/w/[id]/charter.md')?.route).toBe('/w/[id]');
		expect(policyFor('/w/[id]/settings')?.read).toEqual(['facilitator']);
		expect(policyFor('/w/[id]/settings/anything')?.change).toEqual(['facilitator']);
		expect(policyFor('/w/[id]settingsx')).toBeNull();
		expect(policyFor('/invite/[token]')).toBeNull();
		expect(policyFor(null)).toBeNull();
	});

	it('only follows same-site paths after sign-in', () => {
		expect(safeNext('/w/abc?x=1')).toBe('/w/abc?x=1');
		expect(safeNext('//evil.example/')).toBe('/');
		expect(safeNext('/\\evil.example')).toBe('/');
		expect(safeNext('https://evil.example/')).toBe('/');
		expect(safeNext(null)).toBe('/');
	});

	it.each([
		'//evil',
		'/\\evil',
		'/\\/evil',
		'/\t/evil.example',
		'/\n/evil.example',
		'/ /evil.example',
		'https://evil',
		'javascript:alert(1)',
		' /w/abc',
		'',
		'w/abc'
	])('falls back to / for %j', (value) => {
		expect(safeNext(value)).toBe('/');
	});

	it('keeps a plain path, normalised so the Location header is always valid', () => {
		expect(safeNext('/%09/evil.example')).toBe('/%09/evil.example');
		expect(safeNext('/w/abc/../charter')).toBe('/w/charter');
		expect(safeNext('/w/é?q=ü#top')).toBe('/w/%C3%A9?q=%C3%BC#top');
	});
});
