export {
	buildCharter,
	listEntries,
	countAgreement,
	everyRowAgreed,
	CHARTER_SCHEMA,
	type Charter,
	type CharterMeta,
	type CharterItem,
	type CharterEntry,
	type CharterSections,
	type CharterRole,
	type CharterRoleRef,
	type CharterDissent,
	type CharterAgreement,
	type CharterPerson,
	type CharterSource,
	type AgreementCount,
	type CharterConsent,
	type CharterParticipant,
	type CharterMatrix,
	type OpenQuestion,
	type RoleView
} from './charter.ts';
export {
	boardWarnings,
	isAccidentalCoordination,
	type CharterWarning,
	type CharterWarningId
} from './warnings.ts';
export { describeAgreement, summarizeAgreement } from './agreement-text.ts';
export {
	alsoDoesText,
	othersOnRow,
	creditLine,
	creditsOfItem,
	removalText,
	sourceText,
	tagLine,
	warningText
} from './item-text.ts';
export { searchCharter, type SearchResult } from './search.ts';
export {
	diffCharters,
	movedText,
	sectionName,
	type CharterDiff,
	type RowChange,
	type CellChange
} from './diff.ts';
export { charterToMarkdown, type MarkdownOptions } from './export-markdown.ts';
export { charterToCsv } from './export-csv.ts';
export { charterToJson } from './export-json.ts';
export { exportFilename } from './export-filename.ts';
