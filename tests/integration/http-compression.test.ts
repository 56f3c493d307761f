import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createCharterWorkshop,
	publishOverHttp,
	writeFixtureBoard
} from '../support/charter-board.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { signUp, type TestUser } from '../support/sync-client.ts';

/**
 * Response compression on the real production server: a board page and the charter's JSON come
 * back brotli- or gzip-compressed when the client asks, decode to exactly what an uncompressed
 * request gets, and stay uncompressed when it does not ask; PDFs are never recompressed.
 * (`fetch` would decode on its own, so these requests use node:http and read the raw bytes.)
 */

interface RawResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

function decode(response: RawResponse): Buffer {
	const encoding = response.headers['content-encoding'];
	if (encoding === 'br') return zlib.brotliDecompressSync(response.body);
	if (encoding === 'gzip') return zlib.gunzipSync(response.body);
	if (encoding === undefined) return response.body;
	throw new Error(`unexpected content-encoding ${encoding}`);
}

describe('HTTP compression', () => {
	let server: RunningServer;
	let fac: TestUser;
	let workshopId = '';

	function get(path: string, acceptEncoding?: string): Promise<RawResponse> {
		const headers: Record<string, string> = { cookie: fac.cookie, accept: 'text/html' };
		if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
		return new Promise((resolve, reject) => {
			http
				.get(server.url + path, { headers }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks)
						})
					);
					res.on('error', reject);
				})
				.on('error', reject);
		});
	}

	beforeAll(async () => {
		server = await startServer();
		fac = await signUp(server, 'Fiona Facilitator');
		workshopId = await createCharterWorkshop(server, fac);
		await writeFixtureBoard(server, fac, workshopId);
		await publishOverHttp(server, fac, workshopId);
	});

	afterAll(async () => {
		await server?.stop();
		server?.cleanup();
	});

	it('compresses the board page and charter.json when asked, to the same bytes', async () => {
		for (const path of [`/w/${workshopId}`, `/w/${workshopId}/charter.json`]) {
			const plain = await get(path);
			expect(plain.status, path).toBe(200);
			expect(plain.headers['content-encoding'], path).toBeUndefined();
			expect(plain.headers.vary, path).toMatch(/accept-encoding/i);
			for (const [asked, expected] of [
				['gzip, deflate, br', 'br'],
				['gzip', 'gzip']
			]) {
				const compressed = await get(path, asked);
				expect(compressed.status, path).toBe(200);
				expect(compressed.headers['content-encoding'], `${path} ${asked}`).toBe(expected);
				expect(compressed.headers.vary, path).toMatch(/accept-encoding/i);
				expect(compressed.body.length, path).toBeLessThan(plain.body.length / 3);
				expect(decode(compressed).toString(), `${path} ${asked}`).toBe(plain.body.toString());
			}
		}
	});

	it('sends the PDF as it is, whatever the client accepts', async () => {
		const pdf = await get(`/w/${workshopId}/charter.pdf`, 'br, gzip');
		expect(pdf.status).toBe(200);
		expect(pdf.headers['content-type']).toBe('application/pdf');
		expect(pdf.headers['content-encoding']).toBeUndefined();
		expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
