/** The heatmap colour of a disagreement level (0 agreed … ~0.8 split five ways). */
export function heatColor(level: number): string {
	const t = Math.max(0, Math.min(1, level / 0.7));
	if (t === 0) return 'transparent';
	// From a pale amber through to a clear red, light enough to read letters on.
	const hue = 42 - 34 * t;
	const lightness = 96 - 18 * t;
	return `hsl(${hue.toFixed(0)} 90% ${lightness.toFixed(0)}%)`;
}

export const percent = (level: number): string => `${Math.round(level * 100)}%`;
