export const CADENCES = ['daily', 'weekly', 'monthly'] as const;
export const SENIORITIES = ['associate', 'pm', 'senior', 'group'] as const;

export type Cadence = (typeof CADENCES)[number];
export type Seniority = (typeof SENIORITIES)[number];

const SENIORITY_WORDS: Record<Seniority, string> = {
	associate: 'associate PM',
	pm: 'PM',
	senior: 'senior PM',
	group: 'group PM'
};

export const seniorityWord = (level: string): string =>
	SENIORITY_WORDS[level as Seniority] ?? level;

/** "Weekly · for senior PM, group PM", or '' for a card without tags. */
export const tagWords = (
	cadence: readonly string[] = [],
	seniority: readonly string[] = []
): string => {
	const parts: string[] = [];
	if (cadence.length) {
		const words = cadence.join(', ');
		parts.push(words.charAt(0).toUpperCase() + words.slice(1));
	}
	if (seniority.length) parts.push(`for ${seniority.map(seniorityWord).join(', ')}`);
	return parts.join(' · ');
};
