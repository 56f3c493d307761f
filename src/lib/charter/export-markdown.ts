/**
 * The charter as Markdown that GitHub, Confluence and Notion render alike: plain headings, lists
 * nested at most once, one GFM table. Board text is escaped so that a title can never become
 * markup: inline markers are backslash-escaped, a line that would start a block (heading, quote,
 * list) has its marker escaped, and table cells get `\|` and no line breaks.
 */
import {
	type Charter,
	type CharterAgreement,
	type CharterDissent,
	type CharterRemoval,
	type CharterItem
} from './charter.ts';
import { describeAgreement, summarizeAgreement } from './agreement-text.ts';
import {
	alsoDoesText,
	creditLine,
	removalText,
	sourceText,
	tagLine,
	warningText
} from './item-text.ts';
import type { Issue, RuleId } from '../board/rules.ts';
import { dutiesSentence, frameworkOf, markName } from '../board/frameworks.ts';

export type MarkdownOptions = {
	/** Reader-facing text per rule; the rule id is shown otherwise. */
	ruleText?: Partial<Record<RuleId, string>>;
};

const escapeInline = (text: string): string => text.replace(/[\\`*_[\]<>|~]/g, '\\$&');

const escapeLine = (line: string): string =>
	escapeInline(line.trimStart()).replace(/^(\d+)([.)])|^([#>+=-])/, (_, digits, dot, marker) =>
		marker ? `\\${marker}` : `${digits}\\${dot}`
	);

/** One-line text. */
const inline = (text: string): string => escapeInline(text.replace(/\s+/g, ' ').trim());

/**
 * Text with line breaks, continuing a list item indented by `indent`. Markdown renderers also
 * break lines at a bare CR (and some at U+2028/U+2029), so those are line breaks here too:
 * otherwise the line after one would escape the indent and could open a heading.
 */
const block = (text: string, indent: string): string =>
	text
		.trim()
		.split(/\r\n?|[\n\u2028\u2029]/)
		.map((line, i) => {
			const escaped = escapeLine(line);
			return i === 0 || escaped === '' ? escaped : indent + escaped;
		})
		.join('\n');

const cell = (text: string): string => inline(text) || ' ';

const dissentLine = (entry: CharterDissent): string =>
	`  - Dissent from ${inline(entry.name)}: ${block(entry.reason, '    ')}`;

const removalLine = (entry: CharterRemoval): string => `  - ${inline(removalText(entry))}`;

const agreementLine = (agreement: CharterAgreement | undefined): string[] => {
	if (!agreement) return [];
	const text = inline(describeAgreement(agreement));
	return [agreement.state === 'agreed' ? `  - ${text}` : `  - **${text}**`];
};

const itemLines = (charter: Charter, item: CharterItem, extra: string[] = []): string[] => {
	const credit = creditLine(charter, item);
	const tags = tagLine(item);
	const category = item.category ? ` _(${inline(item.category)})_` : '';
	const detail = item.detail ? ` — ${block(item.detail, '  ')}` : '';
	return [
		`- **${inline(item.title)}**${category}${detail}`,
		...agreementLine(item.agreement),
		...(tags ? [`  - ${inline(tags)}`] : []),
		...(credit ? [`  - ${inline(credit)}`] : []),
		...(item.warnings ?? []).map(
			(warning) => `  - Warning: ${inline(warningText(charter, warning))}`
		),
		...extra,
		...(item.note ? [`  - Rationale: ${block(item.note, '    ')}`] : []),
		...item.dissent.map(dissentLine),
		...(item.removedDissent ?? []).map(removalLine)
	];
};

const listOrNone = (lines: string[]): string[] => (lines.length > 0 ? lines : ['_None._']);

/** A boundary section; an empty one collapses to its heading line. */
const section = (title: string, lines: string[]): string[] =>
	lines.length > 0 ? [`## ${title}`, '', ...lines, ''] : [`## ${title}: nothing here`, ''];

export const charterToMarkdown = (charter: Charter, opts: MarkdownOptions = {}): string => {
	const focus = charter.focusRole ? inline(charter.focusRole.name) : 'focus role';
	const roleName = new Map(charter.roles.map((role) => [role.id, inline(role.name)]));
	const titles = new Map(charter.matrix.rows.map((row) => [row.cardId, inline(row.title)]));
	const issueText = (issue: Issue): string => {
		const text = inline(opts.ruleText?.[issue.rule] ?? issue.rule);
		const roles = (issue.roleIds ?? []).map((id) => roleName.get(id) ?? id);
		return roles.length > 0 ? `${text} (${roles.join(', ')})` : text;
	};
	const { sections } = charter;
	const consentOf = new Map(charter.consents.map((consent) => [consent.userId, consent]));
	const participantIds = new Set(charter.participants.map((participant) => participant.id));
	const consentText = (userId: string): string => {
		const consent = consentOf.get(userId);
		if (!consent) return 'no answer';
		const comment = consent.comment ? `: ${inline(consent.comment)}` : '';
		return (consent.decision === 'agree' ? 'agrees' : 'objects') + comment;
	};

	const framework = frameworkOf(charter.framework);
	const agreement = summarizeAgreement(charter);
	const agreementSummary = agreement ? [`- **Agreement:** ${agreement}`] : [];

	const lines = [
		`# ${inline(charter.title)}`,
		'',
		...(charter.team ? [`- **Team:** ${inline(charter.team)}`] : []),
		`- **Version:** ${charter.version}`,
		`- **Published:** ${charter.publishedAt.slice(0, 10)} by ${inline(charter.author.name)}`,
		...(charter.focusRole
			? [`- **Focus role:** ${focus} (${inline(charter.focusRole.label)})`]
			: []),
		...agreementSummary,
		'',
		`What the ${focus} ${dutiesSentence(framework)}, ` +
			'as the team agreed it, and what is not their job.',
		'',
		'## Participants',
		'',
		...listOrNone([
			...charter.participants.map(
				(person) => `- ${inline(person.name)} (${inline(person.role)}): ${consentText(person.id)}`
			),
			...charter.consents
				.filter((consent) => !participantIds.has(consent.userId))
				.map((consent) => `- ${inline(consent.name)}: ${consentText(consent.userId)}`)
		]),
		'',
		...(charter.roleWarnings?.length
			? [
					'## Warnings about roles',
					'',
					...charter.roleWarnings.map((warning) => `- ${inline(warningText(charter, warning))}`),
					''
				]
			: []),
		...framework.sections.flatMap((key) =>
			section(
				framework.words[key].heading,
				(sections[key] ?? []).flatMap((item) =>
					itemLines(
						charter,
						item,
						item.alsoDoes
							? [`  - ${inline(alsoDoesText(charter, charter.focusRole?.name ?? 'focus role'))}`]
							: []
					)
				)
			)
		),
		...section(
			`Not the ${focus}'s job`,
			sections.outside.flatMap((item) =>
				itemLines(charter, item, [
					`  - Owned by ${item.owners.map((role) => inline(role.name)).join(', ')}`
				])
			)
		),
		...section(
			'Open questions',
			charter.sections.unresolved.flatMap((question) => [
				`- **${inline(question.title)}**: ${question.issues.map(issueText).join('; ')}`,
				...agreementLine(question.agreement),
				...(question.warnings ?? []).map(
					(warning) => `  - Warning: ${inline(warningText(charter, warning))}`
				),
				...question.dissent.map(dissentLine)
			])
		),
		'## Role by role',
		''
	];

	for (const role of charter.roles) {
		const view = charter.roleViews[role.id];
		const names = (ids: string[]) => ids.map((id) => titles.get(id) ?? id).join('; ');
		lines.push(
			`### ${inline(role.name)} (${inline(role.label)})`,
			'',
			...listOrNone(
				framework.sections
					.map((section) => [framework.words[section].verb, view[section] ?? []] as const)
					.filter(([, ids]) => ids.length > 0)
					.map(([label, ids]) => `- **${label}:** ${names(ids)}`)
			),
			''
		);
	}

	const { roles, rows } = charter.matrix;
	lines.push(`## Appendix: ${framework.name} matrix`, '');
	if (rows.length === 0) {
		lines.push('_None._');
	} else {
		const tableRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
		lines.push(
			tableRow(['Responsibility', ...roles.map((role) => cell(role.label))]),
			tableRow(['---', ...roles.map(() => ':-:')]),
			...rows.map((row) =>
				tableRow([cell(row.title), ...roles.map((role) => row.letters[role.id] || ' ')])
			),
			'',
			roles.map((role) => `${cell(role.label)}: ${inline(role.name)}`).join(' · '),
			'',
			framework.marks.map((mark) => `${mark}: ${markName(framework, mark)}`).join(' · ')
		);
	}
	if (charter.sources?.length) {
		lines.push(
			'',
			'## Sources',
			'',
			...charter.sources.map((source) => `- ${inline(sourceText(source))}`)
		);
	}
	return lines.join('\n') + '\n';
};
