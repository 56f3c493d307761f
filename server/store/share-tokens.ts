import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Hex SHA-256 of a share token: the only form of it a store keeps. */
export const hashShareToken = (token: string): string =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** 160 random bits, base32: long enough to be unguessable, short enough for a URL. */
export const newShareToken = (): string => {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
};

/** Tokens outside this shape are never looked up. */
export const isPlausibleShareToken = (token: unknown): token is string =>
	typeof token === 'string' && token.length > 0 && token.length <= 200;
