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

/** Shown instead of a colour that is not a plain `#rrggbb` (a grey white text reads on). */
export const NEUTRAL_COLOR = '#4b5563';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The one gate for colours written into a style attribute. Colours come from shared documents
 * that the server checks, but a value rendered as CSS could otherwise restyle the page or fetch
 * an outside URL, so anything but `#rrggbb` becomes the neutral colour. Absent stays absent,
 * so an optional style is still left out.
 */
export function styleColor<T extends string | null | undefined>(
	value: T
): T extends string ? string : string | undefined {
	if (value === null || value === undefined) return undefined as never;
	return (HEX_COLOR.test(value) ? value : NEUTRAL_COLOR) as never;
}
