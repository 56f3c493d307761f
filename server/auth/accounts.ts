/** Field rules shared by sign-up, sign-in and the guest form. */

export const DISPLAY_NAME_MAX = 40;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeUsername(raw: string): string {
	return raw.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
	if (!username) return 'Enter a username or email.';
	if (username.includes('@')) {
		return EMAIL.test(username) && username.length <= 254
			? null
			: 'That email address looks incomplete.';
	}
	if (username.length < 3) return 'Use at least 3 characters.';
	if (!USERNAME.test(username)) {
		return 'Use up to 32 letters, digits, dots, dashes or underscores, or an email address.';
	}
	return null;
}

export function normalizeDisplayName(raw: string): string {
	// eslint-disable-next-line no-control-regex
	return raw
		.replace(/[\u0000-\u001f\u007f]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

export function displayNameProblem(name: string): string | null {
	if (!name) return 'Enter the name others will see.';
	if ([...name].length > DISPLAY_NAME_MAX) return `Keep it to ${DISPLAY_NAME_MAX} characters.`;
	return null;
}

/** "ana.lima@example.com" → "ana.lima": a friendly default when no name is given. */
export function defaultDisplayName(username: string): string {
	return username.split('@')[0].slice(0, DISPLAY_NAME_MAX);
}
