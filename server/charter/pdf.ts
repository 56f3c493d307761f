/**
 * The charter as a printable PDF, drawn with pdfkit: a title block, who took part and consented,
 * the focus role's boundary section by section, open questions, a summary per role, and the RACI
 * matrix as an appendix whose header row repeats on every page it spans. Every page carries
 * "Page n of m", filled in once the length is known (pages are buffered).
 *
 * pdfkit's built-in Helvetica only covers Latin-1, so DejaVu Sans is embedded when the system has
 * it (Debian's fonts-dejavu-core); otherwise text is folded to what Helvetica can show.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type {
	Charter,
	CharterDissent,
	CharterItem,
	CharterRole
} from '../../src/lib/charter/charter.ts';
import type { Issue } from '../../src/lib/board/rules.ts';
import { everyRowAgreed } from '../../src/lib/charter/charter.ts';
import { describeAgreement, summarizeAgreement } from '../../src/lib/charter/agreement-text.ts';
import {
	alsoDoesText,
	creditLine,
	removalText,
	sourceText,
	tagLine,
	warningText
} from '../../src/lib/charter/item-text.ts';
import { BOUNDARY_COPY, RULE_COPY, boundaryCopy } from '../../src/lib/templates/copy.ts';
import {
	dutiesSentence,
	frameworkOf,
	letterInfo,
	markName,
	sectionLetter,
	type Letter,
	type Mark
} from '../../src/lib/board/frameworks.ts';
import {
	letterChip,
	letterChipWidth,
	roleChip,
	roleChipWidth,
	type ChipFont
} from './pdf-chips.ts';

export type Paper = 'A4' | 'Letter';

export type PdfOptions = { paper?: Paper };

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const DEJAVU = {
	regular: `${FONT_DIR}/DejaVuSans.ttf`,
	bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`,
	italic: `${FONT_DIR}/DejaVuSans-Oblique.ttf`
};
const HELVETICA = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

const INK = '#1f2328';
const MUTED = '#59636e';
const RULE = '#d0d7de';
const SHADE = '#f3f4f6';
const ACCENT = '#0b5cad';
const WARN = '#9a3412';

const MARGIN = { top: 56, bottom: 64, left: 60, right: 60 };

type Doc = PDFKit.PDFDocument;
type FontKind = 'regular' | 'bold' | 'italic';

// Characters Helvetica shows through pdfkit's WinAnsi encoding beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const foldToWinAnsi = (text: string): string =>
	[...text]
		.map((char) => {
			const code = char.codePointAt(0) ?? 0;
			if (code < 0x100 || WIN_ANSI_EXTRA.has(char)) return char;
			const folded = char.normalize('NFKD').replace(/\p{M}/gu, '');
			return [...folded].every((c) => (c.codePointAt(0) ?? 0) < 0x100) && folded ? folded : '?';
		})
		.join('');

class Writer {
	doc: Doc;
	private embedded: boolean;
	private fonts: Record<FontKind, string>;

	constructor(doc: Doc) {
		this.doc = doc;
		this.embedded = Object.values(DEJAVU).every((file) => existsSync(file));
		this.fonts = this.embedded ? DEJAVU : HELVETICA;
		if (this.embedded) {
			for (const [kind, file] of Object.entries(DEJAVU)) doc.registerFont(kind, file);
			this.fonts = { regular: 'regular', bold: 'bold', italic: 'italic' };
		}
	}

	get width(): number {
		return this.doc.page.width - MARGIN.left - MARGIN.right;
	}

	get bottom(): number {
		return this.doc.page.height - MARGIN.bottom;
	}

	/** Text the current font can draw: unknown glyphs become '?', never a blank box. */
	clean(text: string): string {
		if (!this.embedded) return foldToWinAnsi(text);
		const font = (this.doc as unknown as { _font?: { font?: FontWithGlyphs } })._font?.font;
		if (!font?.hasGlyphForCodePoint) return text;
		return [...text]
			.map((char) => {
				const code = char.codePointAt(0) ?? 0;
				return code < 0x20 || font.hasGlyphForCodePoint(code) ? char : '?';
			})
			.join('');
	}

	font(kind: FontKind, size: number, color = INK): this {
		this.doc.font(this.fonts[kind]).fontSize(size).fillColor(color);
		return this;
	}

	height(text: string, kind: FontKind, size: number, width = this.width): number {
		this.font(kind, size);
		return this.doc.heightOfString(this.clean(text), { width, lineGap: 2 });
	}

	/** A block of text at the left margin (or indented), flowing onto new pages as needed. */
	text(text: string, kind: FontKind, size: number, opts: TextOpts = {}): this {
		const indent = opts.indent ?? 0;
		this.font(kind, size, opts.color ?? INK);
		this.doc.text(this.clean(text), MARGIN.left + indent, this.doc.y, {
			width: this.width - indent,
			lineGap: 2,
			continued: false
		});
		if (opts.after) this.doc.y += opts.after;
		return this;
	}

	/** A bullet whose wrapped lines hang under the text, not under the bullet. */
	bullet(text: string, size: number, opts: TextOpts = {}): this {
		const hang = 12;
		const indent = opts.indent ?? 0;
		this.keep(this.height(text, 'regular', size, this.width - indent - hang));
		const y = this.doc.y;
		this.font('regular', size, opts.color ?? INK);
		this.doc.text('•', MARGIN.left + indent, y, { lineBreak: false });
		this.doc.y = y;
		return this.text(text, 'regular', size, { ...opts, indent: indent + hang });
	}

	get chipFont(): ChipFont {
		return { bold: this.fonts.bold };
	}

	/** The height `labelled` takes. */
	labelledHeight(text: string, size: number, indent = 0): number {
		return this.height(text, 'regular', size, this.width - indent - LABEL_W);
	}

	/**
	 * "Owns:  a; b; c" with the label in a column of its own, so wrapped lines hang under the
	 * text, not under the label.
	 */
	labelled(
		label: string,
		text: string,
		size: number,
		opts: TextOpts & { kind?: FontKind } = {}
	): this {
		const indent = opts.indent ?? 0;
		this.keep(
			Math.min(this.labelledHeight(text, size, indent), this.height('x', 'regular', size) * 2)
		);
		const y = this.doc.y;
		this.font('bold', size - 1, MUTED);
		this.doc.text(this.clean(label), MARGIN.left + indent, y + 0.8, {
			width: LABEL_W - 6,
			lineBreak: false,
			ellipsis: true
		});
		this.doc.y = y;
		return this.text(text, opts.kind ?? 'regular', size, { ...opts, indent: indent + LABEL_W });
	}

	/** The height `chips` takes for `entries`. */
	chipsHeight(entries: ChipEntry[], size: number, indent = 0): number {
		return this.chipLayout(entries, size, indent).length * (CHIP + 4);
	}

	/** Where each chip and name goes: lines of entries that fit the text column. */
	private chipLayout(entries: ChipEntry[], size: number, indent: number): ChipEntry[][] {
		const room = this.width - indent - LABEL_W;
		const lines: ChipEntry[][] = [[]];
		let used = 0;
		for (const entry of entries) {
			const width = this.chipEntryWidth(entry, size);
			if (used > 0 && used + width > room) {
				lines.push([]);
				used = 0;
			}
			lines[lines.length - 1].push(entry);
			used += width + 10;
		}
		return lines;
	}

	private chipEntryWidth(entry: ChipEntry, size: number): number {
		this.font('regular', size);
		return (
			letterChipWidth(this.doc, this.chipFont, entry.letter, CHIP) +
			4 +
			this.doc.widthOfString(this.clean(entry.name))
		);
	}

	/** "Done by  (R) Engineering  (R) Support": each role's letter as the board draws it. */
	chips(label: string, entries: ChipEntry[], size: number, opts: TextOpts = {}): this {
		const indent = opts.indent ?? 0;
		const lines = this.chipLayout(entries, size, indent);
		this.keep(CHIP + 4);
		const x0 = MARGIN.left + indent;
		let y = this.doc.y;
		this.font('bold', size - 1, MUTED);
		this.doc.text(this.clean(label), x0, y + (CHIP - this.doc.currentLineHeight()) / 2 + 0.3, {
			width: LABEL_W - 6,
			lineBreak: false,
			ellipsis: true
		});
		for (const line of lines) {
			if (y + CHIP > this.bottom) {
				this.doc.addPage();
				y = this.doc.y;
			}
			let x = x0 + LABEL_W;
			for (const entry of line) {
				x += letterChip(this.doc, this.chipFont, entry.letter, x, y, CHIP) + 4;
				this.font('regular', size, entry.color ?? INK);
				const name = this.clean(entry.name);
				this.doc.text(name, x, y + (CHIP - this.doc.currentLineHeight()) / 2 + 0.3, {
					lineBreak: false
				});
				x += this.doc.widthOfString(name) + 10;
			}
			y += CHIP + 4;
		}
		this.doc.y = y;
		if (opts.after) this.doc.y += opts.after;
		return this;
	}

	/** Starts a new page unless `needed` points still fit on this one. */
	keep(needed: number): void {
		if (this.doc.y + needed > this.bottom) this.doc.addPage();
	}

	space(points: number): void {
		this.doc.y += points;
	}

	hr(color = RULE): void {
		const y = this.doc.y;
		this.doc
			.moveTo(MARGIN.left, y)
			.lineTo(MARGIN.left + this.width, y)
			.lineWidth(0.75)
			.strokeColor(color)
			.stroke();
		this.doc.y = y + 8;
	}
}

type FontWithGlyphs = { hasGlyphForCodePoint(code: number): boolean };

type TextOpts = { indent?: number; color?: string; after?: number };

/** A role's letter on a row and the role's name, for a line of chips. */
type ChipEntry = { letter: string; name: string; color?: string };

/** The column that labels ("Owns", "Done by") take before their text. */
const LABEL_W = 74;

/** Letter chips in running text, in points. */
const CHIP = 11;

const dateOf = (iso: string): string =>
	new Date(iso).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});

const issueText = (charter: Charter, issue: Issue): string => {
	const label = RULE_COPY[issue.rule]?.label ?? issue.rule;
	const names = (issue.roleIds ?? []).map(
		(id) => charter.roles.find((role) => role.id === id)?.name ?? id
	);
	return names.length ? `${label} (${names.join(', ')})` : label;
};

/** Something drawn as one piece: its height, measured before drawing, and how to draw it. */
type Block = { height: number; draw: () => void };

/** Draws `block` on this page if it fits, else on the next one (unless it is taller than a page). */
const place = (w: Writer, block: Block): void => {
	if (block.height < w.bottom - MARGIN.top) w.keep(block.height);
	block.draw();
};

/**
 * A section heading, kept with what follows it (`following` points: the first item, or the whole
 * of a short list), so a heading never sits alone at the foot of a page.
 */
const heading = (w: Writer, text: string, intro?: string, following = 50): void => {
	const own =
		10 + w.height(text, 'bold', 14) + 10 + (intro ? w.height(intro, 'regular', 9.5) + 6 : 0);
	const page = w.bottom - MARGIN.top;
	w.keep(own + (own + following <= page ? following : 50));
	w.space(10);
	w.text(text, 'bold', 14, { color: INK, after: 2 });
	w.hr();
	if (intro) w.text(intro, 'regular', 9.5, { color: MUTED, after: 6 });
};

const dissentLines = (dissent: CharterDissent[]): string[] =>
	dissent.map((entry) => `Dissent from ${entry.name}: ${entry.reason}`);

/** Who else holds a letter on a row, by letter: "Done by", "Consulted"… */
type PeopleLine = { label: string; entries: ChipEntry[] };

/** The roles other than the focus role holding one of `letters` on the row, with that letter. */
const rolesHolding = (charter: Charter, cardId: string, letter: string): ChipEntry[] => {
	const row = charter.matrix.rows.find((candidate) => candidate.cardId === cardId);
	if (!row) return [];
	return charter.roles
		.filter((role) => role.id !== charter.focusRole?.id)
		.filter((role) => (row.letters[role.id] ?? '').includes(letter))
		.map((role) => ({ letter, name: role.name }));
};

/** For an owned row, who does it and who is consulted; for a done row, who owns it. */
const peopleLines = (charter: Charter, cardId: string, boundary: 'owns' | 'does'): PeopleLine[] => {
	const framework = frameworkOf(charter.framework);
	const holders = (letter: Letter) => letterInfo(framework, letter)?.holders ?? letter;
	const lines: PeopleLine[] =
		boundary === 'owns'
			? [
					{
						label: holders(framework.doer),
						entries: rolesHolding(charter, cardId, framework.doer)
					},
					{ label: holders('C'), entries: rolesHolding(charter, cardId, 'C') }
				]
			: [{ label: 'Owned by', entries: rolesHolding(charter, cardId, framework.owner) }];
	return lines.filter((line) => line.entries.length > 0);
};

/** One responsibility: title, category, detail, extra lines, rationale and dissent, kept together. */
const itemBlock = (
	w: Writer,
	charter: Charter,
	entry: CharterItem,
	extra: string[] = [],
	people: PeopleLine[] = []
): Block => {
	const indent = 10;
	const warnings = (entry.warnings ?? []).map(
		(warning) => `Warning: ${warningText(charter, warning)}`
	);
	const tags = tagLine(entry);
	const credit = creditLine(charter, entry);
	const notes = [...extra];
	const agreement = entry.agreement ? describeAgreement(entry.agreement) : '';
	const settled = entry.agreement?.state === 'agreed';
	const rationale = entry.note ? `Rationale: ${entry.note}` : '';
	const dissent = [
		...dissentLines(entry.dissent),
		...(entry.removedDissent ?? []).map(removalText)
	];
	const inner = w.width - indent;
	const needed =
		w.height(entry.title, 'bold', 10.5) +
		(entry.category ? w.height(entry.category, 'regular', 8.5, inner) : 0) +
		(entry.detail ? w.height(entry.detail, 'regular', 9.5, inner) : 0) +
		notes.reduce((sum, line) => sum + w.height(line, 'regular', 9.5, inner), 0) +
		(agreement ? w.height(agreement, 'bold', 8.5, inner) : 0) +
		people.reduce((sum, line) => sum + w.chipsHeight(line.entries, 9, indent), 0) +
		(tags ? w.height(tags, 'regular', 8.5, inner) : 0) +
		(credit ? w.height(credit, 'regular', 8.5, inner) : 0) +
		warnings.reduce((sum, line) => sum + w.height(line, 'regular', 9, inner), 0) +
		(rationale ? w.height(rationale, 'italic', 9.5, inner) : 0) +
		dissent.reduce((sum, line) => sum + w.height(line, 'italic', 9.5, inner), 0) +
		12;
	const draw = (): void => {
		const top = w.doc.y;
		w.text(entry.title, 'bold', 10.5, { after: 1 });
		if (entry.category)
			w.text(entry.category.toUpperCase(), 'regular', 7.5, { indent, color: MUTED });
		if (entry.detail) w.text(entry.detail, 'regular', 9.5, { indent });
		if (people.length) w.space(2);
		for (const line of people) w.chips(line.label, line.entries, 9, { indent });
		if (tags) w.text(tags, 'regular', 8.5, { indent, color: MUTED });
		if (credit) w.text(credit, 'regular', 8.5, { indent, color: MUTED });
		if (agreement) {
			w.text(agreement, settled ? 'regular' : 'bold', 8.5, {
				indent,
				color: settled ? MUTED : WARN
			});
		}
		for (const line of warnings) w.text(line, 'regular', 9, { indent, color: WARN });
		for (const line of notes) w.text(line, 'bold', 9.5, { indent, color: ACCENT });
		if (rationale) w.text(rationale, 'italic', 9.5, { indent, color: MUTED });
		for (const line of dissent) w.text(line, 'italic', 9.5, { indent, color: WARN });
		// A hairline in the margin ties the item's lines together.
		if (w.doc.y > top) {
			w.doc
				.moveTo(MARGIN.left + 3, top + 14)
				.lineTo(MARGIN.left + 3, w.doc.y)
				.lineWidth(1.5)
				.strokeColor(RULE)
				.stroke();
		}
		w.space(9);
	};
	return { height: needed, draw };
};

/** A heading, then its items, the heading kept with the first of them. */
const section = (w: Writer, title: string, intro: string | undefined, blocks: Block[]): void => {
	heading(w, title, intro, blocks[0]?.height);
	for (const block of blocks) place(w, block);
};

/** Bullets as one block, so a short list (who took part, sources) stays with its heading. */
const bulletList = (w: Writer, lines: string[], color = INK): Block => ({
	height: lines.reduce((sum, line) => sum + w.height(line, 'regular', 9.5, w.width - 12) + 1, 0),
	draw: () => {
		for (const line of lines) w.bullet(line, 9.5, { color, after: 1 });
	}
});

const none = (w: Writer, text = 'Nothing here.'): void => {
	w.text(text, 'italic', 9.5, { color: MUTED, after: 6 });
};

/** The facts a reader checks first, in a shaded block: team, version, date, people, consent. */
const cover = (w: Writer, charter: Charter): void => {
	const agreed = charter.consents.filter((consent) => consent.decision === 'agree').length;
	const objected = charter.consents.length - agreed;
	const answered = new Set(charter.consents.map((consent) => consent.userId));
	const waiting = charter.participants.filter((person) => !answered.has(person.id)).length;
	const names = charter.participants.map((person) => person.name).join(', ');
	const facts: [string, string, TextOpts & { kind?: FontKind }][] = [
		['Team', charter.team || '—', {}],
		['Version', String(charter.version), {}],
		['Published', `${dateOf(charter.publishedAt)} by ${charter.author.name}`, {}],
		['Took part', `${charter.participants.length}: ${names || 'nobody recorded'}`, {}],
		[
			'Consent',
			`${agreed} consented, ${objected} objected, ${waiting} not answered yet`,
			{ kind: 'bold', color: objected > 0 ? WARN : INK }
		]
	];
	const pad = 10;
	const height =
		facts.reduce((sum, [, text]) => sum + w.labelledHeight(text, 10, pad * 2) + 2, 0) + pad * 2;
	const top = w.doc.y;
	w.doc.roundedRect(MARGIN.left, top, w.width, height, 6).fillColor(SHADE).fill();
	w.doc
		.rect(MARGIN.left, top, 3, height)
		.fillColor(objected > 0 ? WARN : ACCENT)
		.fill();
	w.doc.y = top + pad;
	for (const [label, text, opts] of facts) {
		w.labelled(label, text, 10, { indent: pad + 2, after: 2, ...opts });
	}
	w.doc.y = top + height;
};

const titleBlock = (w: Writer, charter: Charter): void => {
	const focus = charter.focusRole?.name ?? 'the focus role';
	w.text(`ROLE CHARTER · ${focus.toUpperCase()}`, 'bold', 8.5, { color: ACCENT, after: 4 });
	w.text(charter.title, 'bold', 22, { after: 8 });
	cover(w, charter);
	w.space(12);
	w.text(
		`What the ${focus} ${dutiesSentence(frameworkOf(charter.framework))}, as the team ` +
			`agreed it, and what is explicitly not the ${focus}'s job, with the role that owns it instead.`,
		'regular',
		10.5,
		{ after: 4 }
	);
	const counts = charter.sections;
	w.text(
		`${counts.owns.length} owned · ${counts.does.length} done · ${counts.consulted.length} consulted · ` +
			`${counts.informed.length} informed · ${counts.outside.length} elsewhere · ` +
			`${counts.unresolved.length} open`,
		'regular',
		9,
		{ color: MUTED }
	);
	const agreement = summarizeAgreement(charter);
	if (agreement) {
		const all = everyRowAgreed(charter);
		w.text(`${agreement}.`, all ? 'regular' : 'bold', 9, { color: all ? MUTED : WARN });
	}
};

const people = (w: Writer, charter: Charter): void => {
	const consentOf = new Map(charter.consents.map((consent) => [consent.userId, consent]));
	const seen = new Set<string>();
	const lines: string[] = [];
	const consentText = (userId: string): string => {
		const consent = consentOf.get(userId);
		if (!consent) return 'no answer yet';
		const said = consent.decision === 'agree' ? 'consents' : 'objects';
		return consent.comment ? `${said}: “${consent.comment}”` : said;
	};
	for (const person of charter.participants) {
		seen.add(person.id);
		lines.push(`${person.name} (${person.role}) — ${consentText(person.id)}`);
	}
	for (const consent of charter.consents) {
		if (!seen.has(consent.userId)) lines.push(`${consent.name} — ${consentText(consent.userId)}`);
	}
	const list = bulletList(w, lines);
	heading(w, 'Who took part', undefined, list.height + 16);
	if (lines.length === 0) none(w, 'Nobody is recorded.');
	list.draw();
	const agreed = charter.consents.filter((consent) => consent.decision === 'agree').length;
	const objected = charter.consents.length - agreed;
	w.space(3);
	w.text(`${agreed} consented, ${objected} objected.`, 'regular', 9, { color: MUTED });
};

const roleWarnings = (w: Writer, charter: Charter): void => {
	if (!charter.roleWarnings?.length) return;
	const list = bulletList(
		w,
		charter.roleWarnings.map((warning) => warningText(charter, warning)),
		WARN
	);
	heading(w, 'Warnings about roles', undefined, list.height);
	list.draw();
};

/** An empty section collapses to one line. */
const emptySection = (w: Writer, title: string, says = 'nothing here'): void => {
	w.keep(24);
	w.space(8);
	w.text(`${title}: ${says}.`, 'bold', 10.5, { color: MUTED, after: 4 });
};

const sections = (w: Writer, charter: Charter): void => {
	const focus = charter.focusRole?.name ?? 'the focus role';
	const framework = frameworkOf(charter.framework);
	for (const key of framework.sections) {
		const copy = boundaryCopy(framework.id, key);
		const letter = sectionLetter(framework, key);
		const entries = charter.sections[key] ?? [];
		if (entries.length === 0) {
			emptySection(w, `${focus} · ${copy.heading} (${letter})`);
			continue;
		}
		const blocks = entries.map((entry) => {
			const people =
				key === 'owns' || key === 'does' ? peopleLines(charter, entry.cardId, key) : [];
			const also = entry.alsoDoes ? [alsoDoesText(charter, focus)] : [];
			return itemBlock(w, charter, entry, also, people);
		});
		section(w, `${focus} · ${copy.heading} (${letter})`, copy.intro, blocks);
	}
	if (charter.sections.outside.length === 0) emptySection(w, `Not the ${focus}'s job`);
	else {
		const blocks = charter.sections.outside.map((entry) => {
			const owners = entry.owners.map((role) => role.name).join(', ') || 'nobody yet';
			return itemBlock(w, charter, entry, [`Accountable instead: ${owners}`]);
		});
		section(w, `Not the ${focus}'s job`, BOUNDARY_COPY.outside.intro, blocks);
	}
	const open = BOUNDARY_COPY.unresolved;
	if (charter.sections.unresolved.length === 0) {
		const all = everyRowAgreed(charter);
		emptySection(
			w,
			'Open questions',
			all ? 'none, every row was agreed' : 'none, no row breaks a rule'
		);
		return;
	}
	const blocks = charter.sections.unresolved.map((entry) =>
		itemBlock(w, charter, entry, [
			`Why it is open: ${entry.issues.map((i) => issueText(charter, i)).join('; ')}`
		])
	);
	section(w, 'Open questions', open.intro, blocks);
};

/** A role's chip in its colour, then its name in bold. */
const roleName = (w: Writer, role: CharterRole): void => {
	const y = w.doc.y;
	const chipW = roleChip(
		w.doc,
		w.chipFont,
		{ ...role, label: w.clean(role.label) },
		MARGIN.left,
		y + 1,
		7
	);
	w.doc.y = y;
	w.font('bold', 10.5);
	w.doc.text(w.clean(role.name), MARGIN.left + chipW + 6, y, {
		width: w.width - chipW - 6,
		lineGap: 2
	});
	w.space(2);
};

const roleSummaries = (w: Writer, charter: Charter): void => {
	const titles = new Map(charter.matrix.rows.map((row) => [row.cardId, row.title]));
	const blocks = charter.roles.map((role): Block => {
		const view = charter.roleViews[role.id];
		const framework = frameworkOf(charter.framework);
		const groups = framework.sections
			.map((key) => [framework.words[key].verb, view?.[key] ?? []] as const)
			.filter(([, ids]) => ids.length > 0);
		const lines = groups.map(([label, ids]) => ({
			label,
			text: ids.map((id) => titles.get(id) ?? id).join('; ')
		}));
		const height =
			w.height(role.name, 'bold', 10.5) +
			4 +
			(lines.length === 0 ? w.height('x', 'italic', 9.5) : 0) +
			lines.reduce((sum, line) => sum + w.labelledHeight(line.text, 9.5, 10), 0) +
			10;
		const draw = () => {
			roleName(w, role);
			if (lines.length === 0)
				w.text('No letters on agreed rows.', 'italic', 9.5, { indent: 10, color: MUTED });
			for (const line of lines) w.labelled(line.label, line.text, 9.5, { indent: 10 });
			w.space(8);
		};
		return { height, draw };
	});
	section(
		w,
		'Role by role',
		'What each role owns, does, is consulted on and is informed of.',
		blocks
	);
};

/** Letter chips in the matrix, in points. */
const MATRIX_CHIP = 12;

/**
 * The appendix opens a page of its own, unless that would leave the page before it with only a
 * few lines (a near-empty page looks like a printing fault): then it follows on the same page,
 * when its heading, the header row and a few rows fit.
 */
const appendixBreak = (w: Writer, rows: number): void => {
	const top = MARGIN.top;
	const used = (w.doc.y - top) / (w.bottom - top);
	const start = 20 + 30 + 30 + Math.min(rows, 3) * 20;
	if (used < 0.5 && w.doc.y + start <= w.bottom) return;
	w.doc.addPage();
};

const matrix = (w: Writer, charter: Charter): void => {
	const { roles, rows } = charter.matrix;
	const framework = frameworkOf(charter.framework);
	appendixBreak(w, rows.length);
	heading(
		w,
		`Appendix: ${framework.name} matrix`,
		framework.letters
			.map(
				(info) => `${info.letter} = ${info.name.toLowerCase()} (${info.description.toLowerCase()})`
			)
			.concat(`${framework.both} = ${markName(framework, framework.both).toLowerCase()}`)
			.join(', ') + '.'
	);
	if (rows.length === 0) {
		none(w, 'No responsibilities were placed on the board.');
		return;
	}
	const doc = w.doc;
	const x0 = MARGIN.left;
	const cellW = Math.max(26, Math.min(44, (w.width * 0.55) / Math.max(roles.length, 1)));
	const titleW = w.width - cellW * roles.length;
	const pad = 4;
	const colour = new Map(charter.roles.map((role) => [role.id, role.color]));
	// A label too wide for its column is drawn as text, wrapped, rather than as a chip.
	const chipFits = roles.every(
		(role) => roleChipWidth(w.doc, w.chipFont, w.clean(role.label), 6.5) <= cellW - 2
	);
	const headerH = chipFits
		? 6.5 * 1.6 + pad * 2
		: Math.max(...roles.map((role) => w.height(role.label, 'bold', 7.5, cellW - 2))) + pad * 2;

	const drawHeader = (): void => {
		const y = doc.y;
		doc.rect(x0, y, w.width, headerH).fillColor(SHADE).fill();
		w.font('bold', 8);
		doc.text('Responsibility', x0 + pad, y + pad, { width: titleW - pad * 2 });
		roles.forEach((role, i) => {
			const label = w.clean(role.label);
			const cx = x0 + titleW + i * cellW;
			if (chipFits) {
				const chipW = roleChipWidth(doc, w.chipFont, label, 6.5);
				const chip = { label, color: colour.get(role.id) ?? '' };
				roleChip(doc, w.chipFont, chip, cx + (cellW - chipW) / 2, y + pad, 6.5);
				return;
			}
			w.font('bold', 7.5);
			doc.text(label, cx + 1, y + pad, { width: cellW - 2, align: 'center' });
		});
		doc
			.moveTo(x0, y + headerH)
			.lineTo(x0 + w.width, y + headerH)
			.lineWidth(0.75)
			.strokeColor(INK)
			.stroke();
		doc.y = y + headerH;
	};

	const legend = roles.map((role) => `${role.label} = ${role.name}`).join('   ');
	const legendH = w.height(legend, 'regular', 8.5) + 14;
	drawHeader();
	rows.forEach((row, index) => {
		const rowH = Math.max(
			w.height(row.title, 'regular', 8.5, titleW - pad * 2) + pad * 2,
			MATRIX_CHIP + pad * 2
		);
		// The legend stays with the last row, never alone on a page.
		const needed = rowH + (index === rows.length - 1 ? legendH : 0);
		if (doc.y + needed > w.bottom) {
			doc.addPage();
			w.text(`Appendix: ${framework.name} matrix (continued)`, 'bold', 9, {
				color: MUTED,
				after: 4
			});
			drawHeader();
		}
		const y = doc.y;
		if (index % 2 === 1) doc.rect(x0, y, w.width, rowH).fillColor('#fafbfc').fill();
		w.font('regular', 8.5);
		// The line gap sits under the glyphs: a point down centres a title line on the chips.
		doc.text(w.clean(row.title), x0 + pad, y + pad + 1, { width: titleW - pad * 2, lineGap: 2 });
		roles.forEach((role, i) => {
			const letter: Mark | '' = row.letters[role.id] ?? '';
			if (!letter) return;
			const cx = x0 + titleW + i * cellW;
			const chipW = letterChipWidth(doc, w.chipFont, letter, MATRIX_CHIP);
			const top = y + (rowH - MATRIX_CHIP) / 2;
			letterChip(doc, w.chipFont, letter, cx + (cellW - chipW) / 2, top, MATRIX_CHIP);
		});
		doc
			.moveTo(x0, y + rowH)
			.lineTo(x0 + w.width, y + rowH)
			.lineWidth(0.5)
			.strokeColor(RULE)
			.stroke();
		doc.y = y + rowH;
	});
	w.space(10);
	w.text(legend, 'regular', 8.5, { color: MUTED });
};

const sources = (w: Writer, charter: Charter): void => {
	if (!charter.sources?.length) return;
	const list = bulletList(w, charter.sources.map(sourceText));
	heading(w, 'Sources', 'The articles the responsibilities on this board come from.', list.height);
	list.draw();
};

const footers = (w: Writer, charter: Charter): void => {
	const doc = w.doc;
	const range = doc.bufferedPageRange();
	const label = `${charter.title} · version ${charter.version}`;
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Writing below the bottom margin would otherwise start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - MARGIN.bottom + 28;
		w.font('regular', 8, MUTED);
		doc.text(w.clean(label), MARGIN.left, y, {
			width: w.width * 0.7,
			lineBreak: false,
			ellipsis: true
		});
		doc.text(`Page ${i + 1} of ${range.count}`, MARGIN.left, y, {
			width: w.width,
			align: 'right',
			lineBreak: false
		});
		doc.page.margins.bottom = bottom;
	}
};

export const charterToPdf = (charter: Charter, options: PdfOptions = {}): Promise<Uint8Array> =>
	new Promise((resolve, reject) => {
		const doc = new PDFDocument({
			size: options.paper === 'Letter' ? 'LETTER' : 'A4',
			margins: MARGIN,
			bufferPages: true,
			info: {
				Title: charter.title,
				Author: charter.author.name,
				Subject: `Role charter, version ${charter.version}`,
				Creator: 'Drawline'
			}
		});
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
		try {
			const w = new Writer(doc);
			titleBlock(w, charter);
			people(w, charter);
			roleWarnings(w, charter);
			sections(w, charter);
			roleSummaries(w, charter);
			matrix(w, charter);
			sources(w, charter);
			footers(w, charter);
			doc.end();
		} catch (error) {
			reject(error);
		}
	});
