/**
 * Random identifiers in lucia's human-readable base32 alphabet (no l, o, 0, 1).
 * Every character carries 5 bits, so `length` 24 gives 120 bits of entropy.
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomId(length = 16): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte >> 3];
	return id;
}
