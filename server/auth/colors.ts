/** Avatar colours, each dark enough for white initials (contrast ≥ 4.5:1). */
export const USER_COLORS = [
	'#2563eb',
	'#7c3aed',
	'#be185d',
	'#c2410c',
	'#15803d',
	'#0f766e',
	'#b45309',
	'#4338ca',
	'#0369a1',
	'#a21caf',
	'#b91c1c',
	'#4d7c0f'
];

/** The same user always gets the same colour, spread evenly by a string hash. */
export function colorFor(userId: string): string {
	let h = 2166136261;
	for (let i = 0; i < userId.length; i++) {
		h ^= userId.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return USER_COLORS[(h >>> 0) % USER_COLORS.length];
}
