import { createHash } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomId } from '../store/ids.ts';

/** 24 characters of 5 bits each: the 120 bits lucia's guide asks of ids and secrets. */
export function generateSecureRandomString(): string {
	return randomId(24);
}

/** Native SHA-256: every page request and socket upgrade hashes a session secret. */
export function hashSecret(secret: string): Uint8Array {
	return createHash('sha256').update(secret).digest();
}

/** Invite tokens: 160 random bits, base32; stored only as a hex SHA-256. */
export function generateInviteToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashInviteToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
