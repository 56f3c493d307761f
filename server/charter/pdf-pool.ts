/**
 * Charter PDFs, rendered off the event loop. Laying out a 1,000-row charter takes seconds of CPU
 * (font shaping), so renders run in worker threads: at most `workers` at once, at most `queue`
 * more waiting (further requests are refused at once, never piled up), each charter at most
 * `maxRows` rows, each render at most `timeoutMs` (then its worker is ended and replaced).
 *
 * A published version never changes; only the consents given since do. So a PDF is cached under
 * the version, the paper and a digest of the consents: nothing hashes the whole charter, and a
 * new consent re-renders once (in a worker) while every other request is a cache hit.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Charter } from '../../src/lib/charter/charter.ts';
import type { Registry } from '../metrics.ts';
import { charterToPdf, type Paper } from './pdf.ts';
import type { PdfJob, PdfJobResult } from './pdf-worker.ts';
import { PdfRefused } from './pdf-refusal.ts';

export interface PdfPoolOptions {
	/** Worker threads; 0 lays out on the main thread (how it was before, kept for the bench). */
	workers: number;
	queue: number;
	maxRows: number;
	timeoutMs: number;
	/** Heap limit of each worker, so one huge charter cannot take the process's memory. */
	workerMemoryMb: number;
	cacheSize?: number;
}

export interface RenderedPdf {
	pdf: Uint8Array;
	/** The worker thread that laid it out (never the main thread's 0). */
	threadId: number;
}

export interface PdfPool {
	render(charter: Charter, paper: Paper): Promise<RenderedPdf>;
	close(): Promise<void>;
}

type Waiting = {
	job: PdfJob;
	resolve: (result: RenderedPdf) => void;
	reject: (error: Error) => void;
};

type Slot = { worker: Worker; busy: Waiting | null; timer: NodeJS.Timeout | null };

const WORKER_URL = new URL('./pdf-worker.ts', import.meta.url);

export function createPdfPool(options: PdfPoolOptions, metrics?: Registry): PdfPool {
	const cacheSize = options.cacheSize ?? 16;
	const cache = new Map<string, Promise<RenderedPdf>>();
	const waiting: Waiting[] = [];
	const slots: Slot[] = [];
	let nextId = 1;
	let closed = false;

	const renders = metrics?.counter('drawline_pdf_renders_total', 'Charter PDFs laid out');
	const refused = metrics?.counter(
		'drawline_pdf_refused_total',
		'Charter PDF requests refused, by reason'
	);
	metrics?.gauge('drawline_pdf_queue', 'Charter PDFs waiting for a worker', () => waiting.length);

	function spawn(): Slot {
		const slot: Slot = {
			worker: new Worker(WORKER_URL, {
				resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb }
			}),
			busy: null,
			timer: null
		};
		slot.worker.unref();
		slot.worker.on('message', (answer: PdfJobResult) => finish(slot, answer));
		slot.worker.on('error', (error) => fail(slot, new PdfRefused('failed', error.message)));
		slot.worker.on('exit', () => {
			if (slot.busy) fail(slot, new PdfRefused('failed', 'The PDF worker stopped.'));
		});
		return slot;
	}

	function settle(slot: Slot): Waiting | null {
		const task = slot.busy;
		slot.busy = null;
		if (slot.timer) clearTimeout(slot.timer);
		slot.timer = null;
		return task;
	}

	function finish(slot: Slot, answer: PdfJobResult): void {
		const task = settle(slot);
		if (task && answer.ok) {
			renders?.inc();
			task.resolve({ pdf: answer.pdf, threadId: answer.threadId });
		} else if (task && !answer.ok) {
			task.reject(new PdfRefused('failed', answer.message));
		}
		pump();
	}

	// A worker that erred or ran out of time is replaced, never reused.
	function fail(slot: Slot, error: PdfRefused): void {
		const task = settle(slot);
		const index = slots.indexOf(slot);
		if (index >= 0) slots.splice(index, 1);
		void slot.worker.terminate();
		if (task) {
			refused?.inc(1, { reason: error.reason });
			task.reject(error);
		}
		pump();
	}

	function pump(): void {
		if (closed) return;
		while (waiting.length > 0) {
			let slot = slots.find((s) => !s.busy);
			if (!slot && slots.length < options.workers) {
				slot = spawn();
				slots.push(slot);
			}
			if (!slot) return;
			const task = waiting.shift()!;
			slot.busy = task;
			const busySlot = slot;
			slot.timer = setTimeout(
				() =>
					fail(
						busySlot,
						new PdfRefused(
							'timeout',
							`The PDF took longer than ${Math.round(options.timeoutMs / 1000)} s to lay out. Download the Markdown or CSV instead.`
						)
					),
				options.timeoutMs
			);
			slot.worker.postMessage(task.job);
		}
	}

	function enqueue(charter: Charter, paper: Paper): Promise<RenderedPdf> {
		const rows = charter.matrix.rows.length;
		if (rows > options.maxRows) {
			refused?.inc(1, { reason: 'too-large' });
			return Promise.reject(
				new PdfRefused(
					'too-large',
					`This charter has ${rows} rows; PDFs are made for up to ${options.maxRows}. Download the Markdown or CSV instead.`
				)
			);
		}
		if (closed || waiting.length >= options.queue) {
			refused?.inc(1, { reason: 'busy' });
			return Promise.reject(
				new PdfRefused('busy', 'Too many PDFs are being made right now. Try again in a minute.')
			);
		}
		if (options.workers === 0) {
			renders?.inc();
			return charterToPdf(charter, { paper }).then((pdf) => ({ pdf, threadId: 0 }));
		}
		return new Promise((resolve, reject) => {
			waiting.push({ job: { id: nextId++, charter, paper }, resolve, reject });
			pump();
		});
	}

	return {
		render(charter, paper) {
			const consents = createHash('sha256').update(JSON.stringify(charter.consents)).digest('hex');
			const key = `${charter.workshopId}:${charter.version}:${paper}:${consents}`;
			let rendered = cache.get(key);
			if (rendered) {
				cache.delete(key);
			} else {
				rendered = enqueue(charter, paper);
				rendered.catch(() => cache.delete(key));
			}
			cache.set(key, rendered);
			while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
			return rendered;
		},
		async close() {
			closed = true;
			for (const task of waiting.splice(0)) {
				task.reject(new PdfRefused('busy', 'The server is shutting down.'));
			}
			await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
		}
	};
}
