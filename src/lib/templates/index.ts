export type {
	BoundaryId,
	Cadence,
	RuleId,
	Seniority,
	Source,
	Template,
	TemplateCard,
	TemplateRole
} from './types.ts';
export { CADENCES, SENIORITIES, seniorityWord, tagWords } from './tags.ts';
export { creditsOf, creditWords, sourceText } from './credits.ts';
export { SOURCES } from './sources.ts';
export { DEFAULT_ROLES, FOCUS_ROLE_ID } from './roles.ts';
export { ALL_CARDS, TEMPLATES, getTemplate } from './catalog.ts';
export { BOUNDARY_COPY, COORDINATOR_COPY, RULE_COPY, boundaryCopy } from './copy.ts';
