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
import type { Charter, CharterDissent, CharterItem } from '../../src/lib/charter/charter.ts';
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
	hasDuty,
	markName,
	sectionLetter,
	type Mark
} from '../../src/lib/board/frameworks.ts';

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

const heading = (w: Writer, text: string, intro?: string): void => {
	const introHeight = intro ? w.height(intro, 'regular', 9.5) + 4 : 0;
	// A heading never sits alone at the foot of a page.
	w.keep(20 + introHeight + 50);
	w.space(10);
	w.text(text, 'bold', 14, { color: INK, after: 2 });
	w.hr();
	if (intro) w.text(intro, 'regular', 9.5, { color: MUTED, after: 6 });
};

const dissentLines = (dissent: CharterDissent[]): string[] =>
	dissent.map((entry) => `Dissent from ${entry.name}: ${entry.reason}`);

/** One responsibility: title, category, detail, extra lines, rationale and dissent, kept together. */
const item = (w: Writer, charter: Charter, entry: CharterItem, extra: string[] = []): void => {
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
		(tags ? w.height(tags, 'regular', 8.5, inner) : 0) +
		(credit ? w.height(credit, 'regular', 8.5, inner) : 0) +
		warnings.reduce((sum, line) => sum + w.height(line, 'regular', 9, inner), 0) +
		(rationale ? w.height(rationale, 'italic', 9.5, inner) : 0) +
		dissent.reduce((sum, line) => sum + w.height(line, 'italic', 9.5, inner), 0) +
		12;
	if (needed < w.bottom - MARGIN.top) w.keep(needed);

	const top = w.doc.y;
	w.text(entry.title, 'bold', 10.5, { after: 1 });
	if (entry.category)
		w.text(entry.category.toUpperCase(), 'regular', 7.5, { indent, color: MUTED });
	if (entry.detail) w.text(entry.detail, 'regular', 9.5, { indent });
	if (tags) w.text(tags, 'regular', 8.5, { indent, color: MUTED });
	if (credit) w.text(credit, 'regular', 8.5, { indent, color: MUTED });
	if (agreement) {
		w.text(agreement, settled ? 'regular' : 'bold', 8.5, { indent, color: settled ? MUTED : WARN });
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

const none = (w: Writer, text = 'Nothing here.'): void => {
	w.text(text, 'italic', 9.5, { color: MUTED, after: 6 });
};

const titleBlock = (w: Writer, charter: Charter): void => {
	const focus = charter.focusRole?.name ?? 'the focus role';
	w.text(`ROLE CHARTER · ${focus.toUpperCase()}`, 'bold', 8.5, { color: ACCENT, after: 4 });
	w.text(charter.title, 'bold', 22, { after: 4 });
	const facts = [
		charter.team && `Team ${charter.team}`,
		`Version ${charter.version}`,
		`Published ${dateOf(charter.publishedAt)} by ${charter.author.name}`
	].filter(Boolean);
	w.text(facts.join('  ·  '), 'regular', 10, { color: MUTED, after: 2 });
	const agreed = charter.consents.filter((consent) => consent.decision === 'agree').length;
	const objected = charter.consents.length - agreed;
	const answered = new Set(charter.consents.map((consent) => consent.userId));
	const waiting = charter.participants.filter((person) => !answered.has(person.id)).length;
	w.text(
		`${charter.participants.length} took part: ${charter.participants.map((p) => p.name).join(', ')}`,
		'regular',
		10,
		{ color: MUTED, after: 2 }
	);
	w.text(
		`Consent: ${agreed} consented, ${objected} objected, ${waiting} not answered yet`,
		'bold',
		10,
		{ color: objected > 0 ? WARN : MUTED, after: 10 }
	);
	w.hr(INK);
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
	heading(w, 'Who took part');
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
	if (lines.length === 0) none(w, 'Nobody is recorded.');
	for (const line of lines) w.bullet(line, 9.5, { after: 1 });
	const agreed = charter.consents.filter((consent) => consent.decision === 'agree').length;
	const objected = charter.consents.length - agreed;
	w.space(3);
	w.text(`${agreed} consented, ${objected} objected.`, 'regular', 9, { color: MUTED });
};

const roleWarnings = (w: Writer, charter: Charter): void => {
	if (!charter.roleWarnings?.length) return;
	heading(w, 'Warnings about roles');
	for (const warning of charter.roleWarnings) {
		w.bullet(warningText(charter, warning), 9.5, { color: WARN, after: 1 });
	}
};

/** An empty section collapses to one line. */
const emptySection = (w: Writer, title: string): void => {
	w.keep(24);
	w.space(8);
	w.text(`${title}: nothing here.`, 'bold', 10.5, { color: MUTED, after: 4 });
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
		heading(w, `${focus} · ${copy.heading} (${letter})`, copy.intro);
		for (const entry of entries) {
			item(w, charter, entry, entry.alsoDoes ? [alsoDoesText(charter, focus)] : []);
		}
	}
	const outside = BOUNDARY_COPY.outside;
	if (charter.sections.outside.length === 0) emptySection(w, `Not the ${focus}'s job`);
	else heading(w, `Not the ${focus}'s job`, outside.intro);
	for (const entry of charter.sections.outside) {
		const owners = entry.owners.map((role) => role.name).join(', ') || 'nobody yet';
		item(w, charter, entry, [`Accountable instead: ${owners}`]);
	}
	const open = BOUNDARY_COPY.unresolved;
	heading(w, `Open questions`, open.intro);
	if (charter.sections.unresolved.length === 0) {
		none(
			w,
			everyRowAgreed(charter) ? 'None: every row was agreed.' : 'None: no row breaks a rule.'
		);
	}
	for (const entry of charter.sections.unresolved) {
		item(w, charter, entry, [
			`Why it is open: ${entry.issues.map((i) => issueText(charter, i)).join('; ')}`
		]);
	}
};

const roleSummaries = (w: Writer, charter: Charter): void => {
	heading(w, 'Role by role', 'What each role owns, does, is consulted on and is informed of.');
	const titles = new Map(charter.matrix.rows.map((row) => [row.cardId, row.title]));
	for (const role of charter.roles) {
		const view = charter.roleViews[role.id];
		const framework = frameworkOf(charter.framework);
		const groups = framework.sections
			.map((section) => [framework.words[section].verb, view?.[section] ?? []] as const)
			.filter(([, ids]) => ids.length > 0);
		const lines = groups.map(
			([label, ids]) => `${label}: ${ids.map((id) => titles.get(id) ?? id).join('; ')}`
		);
		const needed =
			w.height(role.name, 'bold', 10.5) +
			lines.reduce((sum, line) => sum + w.height(line, 'regular', 9.5, w.width - 10), 0) +
			10;
		if (needed < w.bottom - MARGIN.top) w.keep(needed);
		w.text(`${role.name} (${role.label})`, 'bold', 10.5, { after: 1 });
		if (lines.length === 0)
			w.text('No letters on agreed rows.', 'italic', 9.5, { indent: 10, color: MUTED });
		for (const line of lines) w.text(line, 'regular', 9.5, { indent: 10 });
		w.space(8);
	}
};

const matrix = (w: Writer, charter: Charter): void => {
	const { roles, rows } = charter.matrix;
	const framework = frameworkOf(charter.framework);
	w.doc.addPage();
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
	const headerH =
		Math.max(...roles.map((role) => w.height(role.label, 'bold', 7.5, cellW - 2))) + pad * 2;

	const drawHeader = (): void => {
		const y = doc.y;
		doc.rect(x0, y, w.width, headerH).fillColor(SHADE).fill();
		w.font('bold', 8);
		doc.text('Responsibility', x0 + pad, y + pad, { width: titleW - pad * 2 });
		roles.forEach((role, i) => {
			w.font('bold', 7.5);
			doc.text(w.clean(role.label), x0 + titleW + i * cellW + 1, y + pad, {
				width: cellW - 2,
				align: 'center'
			});
		});
		doc
			.moveTo(x0, y + headerH)
			.lineTo(x0 + w.width, y + headerH)
			.lineWidth(0.75)
			.strokeColor(INK)
			.stroke();
		doc.y = y + headerH;
	};

	drawHeader();
	rows.forEach((row, index) => {
		const rowH = w.height(row.title, 'regular', 8.5, titleW - pad * 2) + pad * 2;
		if (doc.y + rowH > w.bottom) {
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
		doc.text(w.clean(row.title), x0 + pad, y + pad, { width: titleW - pad * 2, lineGap: 2 });
		roles.forEach((role, i) => {
			const letter: Mark | '' = row.letters[role.id] ?? '';
			if (!letter) return;
			const cx = x0 + titleW + i * cellW;
			const owns = hasDuty(framework, letter, 'owner');
			if (owns)
				doc
					.rect(cx + 3, y + 2, cellW - 6, rowH - 4)
					.fillColor('#dbeafe')
					.fill();
			w.font(
				owns || hasDuty(framework, letter, 'doer') ? 'bold' : 'regular',
				letter.length > 1 ? 8 : 9,
				owns ? ACCENT : INK
			);
			doc.text(letter, cx, y + pad, { width: cellW, align: 'center' });
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
	const legend = roles.map((role) => `${role.label} = ${role.name}`).join('   ');
	w.keep(w.height(legend, 'regular', 8.5) + 4);
	w.text(legend, 'regular', 8.5, { color: MUTED });
};

const sources = (w: Writer, charter: Charter): void => {
	if (!charter.sources?.length) return;
	heading(w, 'Sources', 'The articles the responsibilities on this board come from.');
	for (const source of charter.sources) {
		w.bullet(sourceText(source), 9.5, { after: 1 });
	}
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
