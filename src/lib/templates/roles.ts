import type { TemplateRole } from './types.ts';

export const FOCUS_ROLE_ID = 'pm';

// Each colour keeps white text at WCAG AA contrast (at least 4.5:1), so labels stay readable on
// the column headers and letter chips.
export const DEFAULT_ROLES: TemplateRole[] = [
	{ id: FOCUS_ROLE_ID, name: 'Product Manager', label: 'PM', color: '#6d28d9' },
	{ id: 'engineering', name: 'Engineering', label: 'ENG', color: '#1d4ed8' },
	{ id: 'design', name: 'Design', label: 'DES', color: '#be185d' },
	{ id: 'sales', name: 'Sales', label: 'SLS', color: '#047857' },
	{ id: 'support', name: 'Customer Support & Success', label: 'CS', color: '#0e7490' },
	{ id: 'marketing', name: 'Marketing', label: 'MKT', color: '#c2410c' },
	{ id: 'leadership', name: 'Leadership', label: 'LEAD', color: '#374151' },
	{ id: 'program', name: 'Program/Project Management', label: 'PGM', color: '#854d0e' }
];
