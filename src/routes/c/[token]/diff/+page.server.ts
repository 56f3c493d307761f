import type { PageServerLoad } from './$types';
import { loadDiffPage, shareScope } from '#lib/server/charter.ts';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	loadDiffPage(locals, await shareScope(locals, params.token), url);
