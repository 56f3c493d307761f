import type http from 'node:http';
import zlib from 'node:zlib';

/**
 * HTTP response compression for what SvelteKit renders per request (pages, JSON, the charter's
 * Markdown and CSV): brotli or gzip as the request's Accept-Encoding prefers, with
 * `Vary: Accept-Encoding` on every response that could have been compressed. Static assets are
 * precompressed at build time and arrive here with a Content-Encoding, so they pass through, as
 * do types that are already compressed (PDF, images), partial and empty responses, HEAD requests
 * and `Cache-Control: no-transform`. WebSocket upgrades never reach a request listener.
 *
 * Streaming-safe: each chunk the app writes is flushed through the compressor at once, so a page
 * that streams its data arrives piece by piece as it would uncompressed.
 */

export type Encoding = 'br' | 'gzip';

/** Smaller bodies (when their length is known) gain less than the header costs. */
const MIN_BYTES = 1024;

/** Dynamic pages are compressed per request: quality 5 is most of brotli's gain at gzip's speed. */
const BROTLI_QUALITY = 5;

const COMPRESSIBLE =
	/^(text\/(html|plain|css|csv|markdown|javascript|xml)|application\/(json|[\w.+-]+\+json|javascript|xml)|image\/svg\+xml)\b/i;

/** The preferred encoding among those Accept-Encoding allows (ties go to brotli), or null. */
export function negotiateEncoding(header: string | undefined): Encoding | null {
	if (!header) return null;
	const weights = new Map<string, number>();
	for (const part of header.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
		const weight = q ? Number(q[1]) : 1;
		weights.set(name, Number.isNaN(weight) ? 0 : weight);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const br = weightOf('br');
	const gzip = weightOf('gzip');
	if (br > 0 && br >= gzip) return 'br';
	return gzip > 0 ? 'gzip' : null;
}

/** Whether a response with these headers is one this module compresses (for some client). */
function compressible(res: http.ServerResponse, status: number): boolean {
	if (status < 200 || status === 204 || status === 206 || status === 304) return false;
	if (res.hasHeader('content-encoding')) return false;
	if (!COMPRESSIBLE.test(String(res.getHeader('content-type') ?? ''))) return false;
	return !/\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? ''));
}

function addVary(res: http.ServerResponse): void {
	const vary = String(res.getHeader('vary') ?? '');
	if (/(^|,)\s*(\*|accept-encoding)\s*(,|$)/i.test(vary)) return;
	res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

function createCompressor(encoding: Encoding, length: number | null): Compressor {
	if (encoding === 'gzip') return zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
	const params: Record<number, number> = { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY };
	if (length !== null) params[zlib.constants.BROTLI_PARAM_SIZE_HINT] = length;
	return zlib.createBrotliCompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, params });
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;
type Compressor = zlib.Gzip | zlib.BrotliCompress;

const toBuffer = (chunk: Chunk, encoding?: BufferEncoding): Uint8Array =>
	typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;

const byteLength = (chunk: unknown, encoding?: BufferEncoding): number =>
	typeof chunk === 'string'
		? Buffer.byteLength(chunk, encoding)
		: chunk instanceof Uint8Array
			? chunk.byteLength
			: 0;

/**
 * Prepares `res` so that, once its status and headers are set, a compressible body goes through
 * a compressor. Call before the app handles the request. The decision is made at the explicit
 * `writeHead`, or at the first `write`/`end` of a response that relies on Node's implicit header.
 */
export function compressResponse(req: http.IncomingMessage, res: http.ServerResponse): void {
	if (req.method === 'HEAD') return;
	const encoding = negotiateEncoding(req.headers['accept-encoding']);
	const writeHead = res.writeHead as (
		this: http.ServerResponse,
		status: number,
		...rest: unknown[]
	) => http.ServerResponse;
	const write = res.write as (this: http.ServerResponse, ...args: unknown[]) => boolean;
	const end = res.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
	let decided = false;
	let compressor: Compressor | null = null;

	/** `length`: the body's size when the app has said it (header) or it is all in one `end`. */
	function decide(status: number, length: number | null): void {
		decided = true;
		if (!compressible(res, status)) return;
		addVary(res);
		const declared = res.hasHeader('content-length')
			? Number(res.getHeader('content-length'))
			: null;
		const size = declared ?? length;
		if (!encoding || (size !== null && size < MIN_BYTES)) return;
		res.removeHeader('content-length');
		res.setHeader('content-encoding', encoding);
		compressor = createCompressor(encoding, size);
		pipeOut(res, compressor, write);
	}

	res.writeHead = function (status: number, ...rest: unknown[]): http.ServerResponse {
		if (decided) return writeHead.call(res, status, ...rest);
		const headers = rest.at(-1);
		if (Array.isArray(headers)) {
			// Raw header pairs: rare enough (nothing here sends them) to pass through untouched.
			decided = true;
			return writeHead.call(res, status, ...rest);
		}
		if (headers && typeof headers === 'object') {
			for (const [name, value] of Object.entries(headers)) {
				if (value !== undefined) res.setHeader(name, value as string | number | string[]);
			}
		}
		decide(status, null);
		return typeof rest[0] === 'string'
			? writeHead.call(res, status, rest[0])
			: writeHead.call(res, status);
	} as typeof res.writeHead;

	res.write = function (chunk: Chunk, ...args: unknown[]): boolean {
		if (!decided && !res.headersSent) decide(res.statusCode, null);
		if (!compressor) return write.call(res, chunk, ...args);
		const callback = args.find((arg) => typeof arg === 'function') as Callback | undefined;
		const chunkEncoding = typeof args[0] === 'string' ? (args[0] as BufferEncoding) : undefined;
		return compressor.write(toBuffer(chunk, chunkEncoding), callback);
	} as typeof res.write;

	res.end = function (...args: unknown[]): http.ServerResponse {
		const chunk = typeof args[0] === 'function' ? undefined : args[0];
		const chunkEncoding = typeof args[1] === 'string' ? (args[1] as BufferEncoding) : undefined;
		if (!decided && !res.headersSent) decide(res.statusCode, byteLength(chunk, chunkEncoding));
		if (!compressor) return end.call(res, ...args);
		const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
		const output = compressor;
		output.once('end', () => end.call(res, callback));
		if (chunk === undefined || chunk === null) output.end();
		else output.end(toBuffer(chunk as Chunk, chunkEncoding));
		return res;
	} as typeof res.end;
}

/** Sends the compressor's output with the response's own `write`, keeping backpressure. */
function pipeOut(
	res: http.ServerResponse,
	compressor: Compressor,
	write: (this: http.ServerResponse, ...args: unknown[]) => boolean
): void {
	compressor.on('data', (chunk: Buffer) => {
		if (!write.call(res, chunk)) compressor.pause();
	});
	res.on('drain', () => compressor.resume());
	// The app waits for 'drain' when the compressor's buffer was full.
	compressor.on('drain', () => res.emit('drain'));
	compressor.on('error', (error) => res.destroy(error));
	res.once('close', () => {
		if (!res.writableFinished) compressor.destroy();
	});
}
