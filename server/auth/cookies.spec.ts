import { describe, it, expect } from 'vitest';
import {
	needsSecureCookie,
	readSessionToken,
	sessionCookieOptions,
	SESSION_COOKIE
} from './cookies.ts';

describe('session cookie', () => {
	it('is named drawline_session and read from a Cookie header', () => {
		expect(SESSION_COOKIE).toBe('drawline_session');
		expect(readSessionToken('a=1; drawline_session=abc.def; b=2')).toBe('abc.def');
		expect(readSessionToken('drawline_session_x=1; xdrawline_session=2')).toBeNull();
		expect(readSessionToken(undefined)).toBeNull();
		expect(readSessionToken('drawline_session=')).toBeNull();
		expect(readSessionToken('drawline_session=%E0%A4%A')).toBeNull();
	});

	it('is Secure everywhere except plain http on localhost', () => {
		expect(needsSecureCookie(new URL('http://localhost:3000/'))).toBe(false);
		expect(needsSecureCookie(new URL('http://127.0.0.1:5173/'))).toBe(false);
		expect(needsSecureCookie(new URL('https://localhost/'))).toBe(true);
		expect(needsSecureCookie(new URL('https://drawline.example.com/'))).toBe(true);
		expect(needsSecureCookie(new URL('http://10.0.0.5:3000/'))).toBe(true);
	});

	it('is HttpOnly, SameSite=Lax, Path=/ and expires with the session', () => {
		const expires = new Date(Date.UTC(2030, 0, 1));
		expect(sessionCookieOptions(new URL('https://x.example/'), expires)).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			expires
		});
	});
});
