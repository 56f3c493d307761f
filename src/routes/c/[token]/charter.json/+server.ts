import type { RequestHandler } from './$types';
import { exportCharter, shareScope } from '#lib/server/charter.ts';

export const GET: RequestHandler = async (event) =>
	exportCharter(event, await shareScope(event.locals, event.params.token), 'json');
