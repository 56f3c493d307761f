import { afterEach, describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { readBoard } from '../../src/lib/board/index.ts';
import { buildCharter, type Charter } from '../../src/lib/charter/index.ts';
import { FIXTURE_META, createFixtureBoard } from '../../src/lib/board/__fixtures__/board.ts';
import { Registry } from '../metrics.ts';
import { createPdfPool, type PdfPool, type PdfPoolOptions } from './pdf-pool.ts';

const charter: Charter = buildCharter(readBoard(createFixtureBoard()), FIXTURE_META);
const OPTIONS: PdfPoolOptions = {
	workers: 1,
	queue: 4,
	maxRows: 500,
	timeoutMs: 30_000,
	workerMemoryMb: 256
};

// Each render lays out a real PDF in a fresh worker: seconds on a busy machine.
describe('PDF pool', { timeout: 60_000 }, () => {
	let pool: PdfPool | null = null;
	afterEach(async () => {
		await pool?.close();
		pool = null;
	});

	it('lays the PDF out in a worker thread, not on the thread that asked', async () => {
		pool = createPdfPool(OPTIONS);
		const rendered = await pool.render(charter, 'A4');
		expect(Buffer.from(rendered.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		expect(rendered.threadId).toBeGreaterThan(0);
		expect(rendered.threadId).not.toBe(threadId);
	});

	it('keeps one render per version, paper and consents; a new consent renders once more', async () => {
		const metrics = new Registry();
		pool = createPdfPool(OPTIONS, metrics);
		const renders = () => Number(/drawline_pdf_renders_total (\d+)/.exec(metrics.render())?.[1]);
		const [a, b] = await Promise.all([pool.render(charter, 'A4'), pool.render(charter, 'A4')]);
		expect(b.pdf).toBe(a.pdf);
		expect(renders()).toBe(1);
		await pool.render(charter, 'Letter');
		expect(renders()).toBe(2);
		const consented: Charter = {
			...charter,
			consents: [
				...charter.consents,
				{ userId: 'u-new', name: 'Nia New', decision: 'agree', at: '2025-03-15T09:00:00.000Z' }
			]
		};
		await pool.render(consented, 'A4');
		await pool.render(consented, 'A4');
		expect(renders()).toBe(3);
	});

	it('refuses a charter over the row limit without starting a render', async () => {
		pool = createPdfPool({ ...OPTIONS, maxRows: 2 });
		await expect(pool.render(charter, 'A4')).rejects.toMatchObject({
			name: 'PdfRefused',
			reason: 'too-large'
		});
	});

	it('refuses at once when the queue is full, and still serves the queued ones', async () => {
		pool = createPdfPool({ ...OPTIONS, queue: 1 });
		const versions = [1, 2, 3].map((version) => ({ ...charter, version }));
		const first = pool.render(versions[0], 'A4');
		const second = pool.render(versions[1], 'A4');
		await expect(pool.render(versions[2], 'A4')).rejects.toMatchObject({ reason: 'busy' });
		expect((await first).pdf.length).toBeGreaterThan(0);
		expect((await second).pdf.length).toBeGreaterThan(0);
	});

	it('ends a render that runs out of time', async () => {
		pool = createPdfPool({ ...OPTIONS, timeoutMs: 100 });
		await expect(pool.render(charter, 'A4')).rejects.toMatchObject({ reason: 'timeout' });
	});
});
