/**
 * Why a charter PDF was not made. The HTTP routes are bundled by Vite while the pool runs from
 * server/ as is, so the two hold different copies of this class: check with `isPdfRefused`,
 * never `instanceof`.
 */
export type PdfRefusal = 'too-large' | 'busy' | 'timeout' | 'failed';

export class PdfRefused extends Error {
	override name = 'PdfRefused';
	reason: PdfRefusal;
	constructor(reason: PdfRefusal, message: string) {
		super(message);
		this.reason = reason;
	}
}

export function isPdfRefused(error: unknown): error is PdfRefused {
	return error instanceof Error && error.name === 'PdfRefused' && 'reason' in error;
}
