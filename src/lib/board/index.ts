export {
	ROLES,
	CARDS,
	CELLS,
	NOTES,
	DISSENT,
	ROW_EDITS,
	META,
	FOCUS_ROLE_ID,
	FRAMEWORK,
	isLetter,
	type Letter,
	type Mark,
	type BoardRole,
	type Card,
	type Actor,
	type Dissent,
	type RowEdit,
	type BoardSnapshot
} from './schema.ts';
export {
	FRAMEWORKS,
	FRAMEWORK_IDS,
	DEFAULT_FRAMEWORK,
	BOTH_KEY,
	SECTION_OF_DUTY,
	dutiesSentence,
	describeMarkCounts,
	doerName,
	sectionLetter,
	frameworkOf,
	isFrameworkId,
	isMarkOf,
	lettersOf,
	letterInfo,
	dutiesOf,
	hasDuty,
	markName,
	markForKey,
	nextMark,
	type Framework,
	type FrameworkId,
	type Duty,
	type DutySection,
	type LetterInfo,
	type SectionWords
} from './frameworks.ts';
export { keyBetween, compareOrder, isOrderKey, type Ordered } from './order.ts';
export { createId } from './ids.ts';
export {
	BoardError,
	LIMITS,
	type BoardErrorCode,
	type CardInput,
	type CardPatch,
	type RoleInput,
	type RolePatch
} from './validate.ts';
export { readBoard, cellKey, letterAt } from './snapshot.ts';
export {
	addCard,
	editCard,
	deleteCard,
	placeCard,
	unplaceCard,
	moveRow,
	setCell,
	cycleCell,
	setDissent,
	clearDissent,
	removeDissent,
	getNoteText,
	recordNoteEdit,
	type PlaceOptions
} from './operations.ts';
export { addRole, editRole, deleteRole, moveRole, setFocusRole } from './role-operations.ts';
export { seedBoard, type BoardSeed } from './seed.ts';
export {
	checkRow,
	checkBoard,
	DEFAULT_RULE_OPTIONS,
	overloadThreshold,
	type Measure,
	type WarningThresholds,
	type RuleId,
	type Severity,
	type Issue,
	type RowIssue,
	type RoleLoad,
	type RoleCheck,
	type BoardCheck,
	type RuleOptions
} from './rules.ts';
export {
	parseThresholdFields,
	readThresholds,
	thresholdFields,
	type ThresholdErrors,
	type ThresholdFields
} from './thresholds.ts';
export {
	boundaryOf,
	boundarySummary,
	type Boundary,
	type RowBoundary,
	type BoundarySummary
} from './boundary.ts';
