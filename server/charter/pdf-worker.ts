/**
 * Runs in a worker thread: lays out one charter PDF per message, so a long charter never holds
 * the event loop that serves pages and live boards. The pool (pdf-pool.ts) owns its lifetime.
 */
import { parentPort, threadId } from 'node:worker_threads';
import type { Charter } from '../../src/lib/charter/charter.ts';
import { charterToPdf, type Paper } from './pdf.ts';

export type PdfJob = { id: number; charter: Charter; paper: Paper };
export type PdfJobResult =
	| { id: number; ok: true; pdf: Uint8Array; threadId: number }
	| { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs only as a worker thread');

port.on('message', async (job: PdfJob) => {
	let answer: PdfJobResult;
	try {
		const pdf = await charterToPdf(job.charter, { paper: job.paper });
		answer = { id: job.id, ok: true, pdf, threadId };
	} catch (error) {
		answer = { id: job.id, ok: false, message: (error as Error).message };
	}
	port.postMessage(answer, answer.ok ? [answer.pdf.buffer as ArrayBuffer] : []);
});
