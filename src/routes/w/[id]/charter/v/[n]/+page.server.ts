import type { PageServerLoad } from './$types';
import { loadCharterPage, memberScope, parseVersion } from '#lib/server/charter.ts';

export const load: PageServerLoad = async (event) => {
	const scope = await memberScope(event);
	return loadCharterPage(event.locals, scope, parseVersion(event.params.n));
};
