/** Colours new roles take, in order. White text stays readable (WCAG AA) on each. */
export const ROLE_COLORS: readonly string[] = [
	'#6d28d9',
	'#1d4ed8',
	'#be185d',
	'#047857',
	'#0e7490',
	'#c2410c',
	'#374151',
	'#854d0e',
	'#b91c1c',
	'#4338ca',
	'#0f766e',
	'#7e22ce'
];

/** The first colour no role has yet; once all are taken, the next one round the palette. */
export function nextRoleColor(used: readonly string[]): string {
	return (
		ROLE_COLORS.find((color) => !used.includes(color)) ??
		ROLE_COLORS[used.length % ROLE_COLORS.length]
	);
}
