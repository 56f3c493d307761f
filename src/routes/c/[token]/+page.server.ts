import type { PageServerLoad } from './$types';
import { loadCharterPage, shareScope } from '#lib/server/charter.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	loadCharterPage(locals, await shareScope(locals, params.token), undefined);
