import type { RequestHandler } from './$types';
import { exportCharter, memberScope } from '#lib/server/charter.ts';

export const GET: RequestHandler = async (event) =>
	exportCharter(event, await memberScope(event), 'pdf');
