import { describe, it, expect } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password hashing', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const started = performance.now();
		const hash = await hashPassword('correct horse battery');
		const elapsed = performance.now() - started;
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
		console.info(`argon2id hash: ${elapsed.toFixed(0)} ms`);
	});

	it('salts every hash', async () => {
		const [a, b] = await Promise.all([
			hashPassword('same password'),
			hashPassword('same password')
		]);
		expect(a).not.toBe(b);
	});

	it('treats a malformed stored hash as a mismatch, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever1')).toBe(false);
	});
});

describe('password rules', () => {
	it('asks for 8 to 128 characters', () => {
		expect(passwordProblem('short')).toMatch(/at least 8/);
		expect(passwordProblem('x'.repeat(129) + 'y')).toMatch(/at most 128/);
		expect(passwordProblem('plum tree at dusk')).toBeNull();
	});

	it('rejects very common passwords, repeats and runs', () => {
		for (const weak of [
			'password',
			'Password1',
			'12345678',
			'qwertyuiop',
			'aaaaaaaa',
			'abcdefghij',
			'98765432'
		]) {
			expect(passwordProblem(weak), weak).toMatch(/most common/);
		}
	});

	it('rejects the username as password', () => {
		expect(passwordProblem('ana.lima.pm', 'ana.lima.pm')).toMatch(/differ from your username/);
	});
});
