import type { Handle } from '@sveltejs/kit';
import { getApp } from '../server/context.ts';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.app = getApp();
	return resolve(event);
};
