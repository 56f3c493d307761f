import type { PageServerLoad } from './$types';
import { loadBoardPage } from './board-data.server.ts';

export const load: PageServerLoad = (event) => loadBoardPage(event);
