import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressResponse, negotiateEncoding } from './compress.ts';

describe('negotiateEncoding', () => {
	it('prefers brotli, honours weights and refusals', () => {
		expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
		expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
		expect(negotiateEncoding('br;q=0, gzip;q=0.1')).toBe('gzip');
		expect(negotiateEncoding('*')).toBe('br');
		expect(negotiateEncoding('*;q=0, gzip')).toBe('gzip');
		expect(negotiateEncoding('identity')).toBeNull();
		expect(negotiateEncoding('gzip;q=0')).toBeNull();
		expect(negotiateEncoding(undefined)).toBeNull();
	});
});

describe('compressResponse', () => {
	let server: http.Server | null = null;
	afterEach(
		() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
	);

	async function serve(handler: http.RequestListener): Promise<string> {
		server = http.createServer((req, res) => {
			compressResponse(req, res);
			handler(req, res);
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
	}

	function get(url: string, encoding?: string): Promise<http.IncomingMessage> {
		return new Promise((resolve, reject) => {
			const headers = encoding ? { 'accept-encoding': encoding } : {};
			http.get(url, { headers }, resolve).on('error', reject);
		});
	}

	async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}

	it('delivers each chunk of a streamed page as it is written, not when the page ends', async () => {
		let second: () => void = () => {};
		const url = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.write('<p>first</p>');
			second = () => res.end('<p>second</p>');
		});
		for (const encoding of ['br', 'gzip']) {
			const response = await get(url, encoding);
			expect(response.headers['content-encoding']).toBe(encoding);
			const decoded = response.pipe(
				encoding === 'br' ? zlib.createBrotliDecompress() : zlib.createGunzip()
			);
			decoded.setEncoding('utf8');
			let text = '';
			// The server writes the rest only once the first chunk has been decoded here.
			for await (const chunk of decoded) {
				text += chunk;
				if (text === '<p>first</p>') second();
			}
			expect(text).toBe('<p>first</p><p>second</p>');
		}
	});

	it('keeps a large body whole through the compressor under backpressure', async () => {
		const line = 'x'.repeat(1000) + '\n';
		const body = Array.from({ length: 4000 }, (_, i) => `${i} ${line}`).join('');
		const url = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/plain' });
			let offset = 0;
			const pump = () => {
				while (offset < body.length) {
					const chunk = body.slice(offset, (offset += 64 * 1024));
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				res.end();
			};
			pump();
		});
		const response = await get(url, 'gzip');
		expect(response.headers['content-encoding']).toBe('gzip');
		expect((await bytes(response.pipe(zlib.createGunzip()))).toString()).toBe(body);
	});

	it('compresses a response that never calls writeHead (implicit headers)', async () => {
		const part = '<li>row</li>'.repeat(100);
		const url = await serve((req, res) => {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			if (req.url === '/stream') {
				res.write(part);
				return void res.end(part);
			}
			res.end(part);
		});
		for (const [path, body] of [
			['', part],
			['stream', part + part]
		]) {
			const response = await get(url + path, 'gzip');
			expect(response.headers['content-encoding']).toBe('gzip');
			expect(response.headers['content-length']).toBeUndefined();
			expect((await bytes(response.pipe(zlib.createGunzip()))).toString()).toBe(body);
		}
	});

	it('leaves PDFs, encoded bodies, tiny bodies and uninterested clients alone', async () => {
		const html = '<p>hello</p>'.repeat(200);
		const url = await serve((req, res) => {
			if (req.url === '/pdf') {
				res.writeHead(200, { 'content-type': 'application/pdf' });
				return void res.end('%PDF-1.7 '.repeat(200));
			}
			if (req.url === '/tiny') {
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
				return void res.end('{}');
			}
			res.setHeader('content-type', 'text/html');
			res.end(html);
		});
		const pdf = await get(url + 'pdf', 'br, gzip');
		expect(pdf.headers['content-encoding']).toBeUndefined();
		expect((await bytes(pdf)).toString()).toBe('%PDF-1.7 '.repeat(200));
		const tiny = await get(url + 'tiny', 'br, gzip');
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect((await bytes(tiny)).toString()).toBe('{}');
		const plain = await get(url);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers.vary).toBe('Accept-Encoding');
		expect((await bytes(plain)).toString()).toBe(html);
	});
});
