import type { PageServerLoad } from './$types';
import { loadBoardPage } from './board-data.server.ts';
import { loadFacilitationState } from './facilitation/facilitation-data.server.ts';

export const load: PageServerLoad = async (event) => ({
	...(await loadBoardPage(event)),
	facilitation: await loadFacilitationState(event.locals, event.params.id)
});
