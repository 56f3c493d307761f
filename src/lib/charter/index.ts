export {
	buildCharter,
	listEntries,
	CHARTER_SCHEMA,
	type Charter,
	type CharterMeta,
	type CharterItem,
	type CharterEntry,
	type CharterSections,
	type CharterRole,
	type CharterRoleRef,
	type CharterDissent,
	type CharterConsent,
	type CharterParticipant,
	type CharterMatrix,
	type OpenQuestion,
	type RoleView
} from './charter.ts';
export { searchCharter, type SearchResult } from './search.ts';
export { diffCharters, type CharterDiff, type RowChange, type CellChange } from './diff.ts';
export { charterToMarkdown, type MarkdownOptions } from './export-markdown.ts';
export { charterToCsv } from './export-csv.ts';
export { charterToJson } from './export-json.ts';
