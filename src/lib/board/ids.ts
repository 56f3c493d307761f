// 64 symbols, so a random byte maps to one without bias; none is ':' (see schema.ts).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A random 12-character id (72 bits). */
export const createId = (): string => {
	let id = '';
	for (const byte of crypto.getRandomValues(new Uint8Array(12))) id += ALPHABET[byte & 63];
	return id;
};
