import type { PageServerLoad } from './$types';
import { loadDiffPage, memberScope } from '#lib/server/charter.ts';

export const load: PageServerLoad = async (event) =>
	loadDiffPage(event.locals, await memberScope(event), event.url);
