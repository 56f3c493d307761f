/**
 * The board's marks drawn in a PDF: a role's label on its own colour, and a letter in the shape
 * the board gives it (A filled circle, R filled square, C outlined square, I dotted circle; see
 * src/lib/ui/LetterMark.svelte), so letters never rely on colour alone on paper either.
 */
import { styleColor } from '../../src/lib/ui/role-colors.ts';

type Doc = PDFKit.PDFDocument;

export type ChipFont = { bold: string };

const LETTER_STYLE: Record<
	string,
	{ fill: string; stroke?: string; ink: string; dotted?: boolean }
> = {
	A: { fill: '#1f3a5f', ink: '#ffffff' },
	R: { fill: '#0f766e', ink: '#ffffff' },
	D: { fill: '#0f766e', ink: '#ffffff' },
	S: { fill: '#ccfbf1', stroke: '#0f766e', ink: '#115e59' },
	C: { fill: '#fff8eb', stroke: '#b45309', ink: '#8a3c06' },
	I: { fill: '#ffffff', stroke: '#64748b', ink: '#475569', dotted: true }
};

const round = (letter: string) => letter === 'A' || letter === 'I';

/** Text centred in a box, without moving the document's flow position. */
const centred = (doc: Doc, text: string, x: number, y: number, width: number, height: number) => {
	const { x: keepX, y: keepY } = doc;
	const top = y + (height - doc.currentLineHeight()) / 2 + 0.4;
	doc.text(text, x, top, { width, align: 'center', lineBreak: false });
	doc.x = keepX;
	doc.y = keepY;
};

/** The width a letter chip of `size` points takes for `letter` (wider for combined letters). */
export const letterChipWidth = (doc: Doc, font: ChipFont, letter: string, size: number): number => {
	if (letter.length <= 1) return size;
	doc.font(font.bold).fontSize(size * 0.62);
	return Math.max(size, doc.widthOfString(letter) + size * 0.6);
};

/** One letter as the board draws it, its top-left corner at (x, y); returns its width. */
export const letterChip = (
	doc: Doc,
	font: ChipFont,
	letter: string,
	x: number,
	y: number,
	size: number
): number => {
	const width = letterChipWidth(doc, font, letter, size);
	const style = LETTER_STYLE[letter] ?? LETTER_STYLE.A;
	const line = size * 0.1;
	doc.save();
	if (round(letter) && letter.length === 1) {
		doc.circle(x + size / 2, y + size / 2, size / 2 - (style.stroke ? line / 2 : 0));
	} else {
		const inset = style.stroke ? line / 2 : 0;
		doc.roundedRect(x + inset, y + inset, width - inset * 2, size - inset * 2, size * 0.2);
	}
	if (style.stroke) {
		if (style.dotted) doc.dash(line, { space: line });
		doc.lineWidth(line).fillColor(style.fill).strokeColor(style.stroke).fillAndStroke();
	} else {
		doc.fillColor(style.fill).fill();
	}
	doc.restore();
	doc
		.font(font.bold)
		.fontSize(size * 0.62)
		.fillColor(style.ink);
	centred(doc, letter, x, y, width, size);
	return width;
};

/** The width of a role chip for `label` at `size` points of text. */
export const roleChipWidth = (doc: Doc, font: ChipFont, label: string, size: number): number => {
	doc.font(font.bold).fontSize(size);
	return doc.widthOfString(label) + size * 1.1;
};

/** A role's label, white on the role's colour, as the board's column headers show it. */
export const roleChip = (
	doc: Doc,
	font: ChipFont,
	role: { label: string; color: string },
	x: number,
	y: number,
	size: number
): number => {
	const width = roleChipWidth(doc, font, role.label, size);
	const height = size * 1.6;
	doc.save();
	doc
		.roundedRect(x, y, width, height, size * 0.35)
		.fillColor(styleColor(role.color))
		.fill();
	doc.restore();
	doc.font(font.bold).fontSize(size).fillColor('#ffffff');
	centred(doc, role.label, x, y, width, height);
	return width;
};
