import type { RequestHandler } from './$types';
import type { ClockReading } from '#lib/contracts/facilitation-api.ts';
import { ANY_MEMBER } from '#lib/server/access.ts';
import { facilitationRequest } from '../facilitation.server.ts';

/** The server's clock, for the shared timer: clients measure their offset against it. */
export const GET: RequestHandler = async (event) => {
	await facilitationRequest(event, ANY_MEMBER);
	const reading: ClockReading = { now: Date.now() };
	return new Response(JSON.stringify(reading), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
