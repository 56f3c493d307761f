export const CADENCES = ['daily', 'weekly', 'monthly'] as const;
export const SENIORITIES = ['associate', 'pm', 'senior', 'group'] as const;

export type Cadence = (typeof CADENCES)[number];
export type Seniority = (typeof SENIORITIES)[number];
