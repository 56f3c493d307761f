import { error, json, type RequestEvent } from '@sveltejs/kit';
import { FacilitationError } from '#server/facilitation/errors.ts';
import type { Actor, FacilitationDeps } from '#server/facilitation/context.ts';
import { requireWorkshopRole } from '#lib/server/access.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';

/**
 * The facilitation endpoints' shared steps: the permission check first (every handler starts
 * with it), then the work, with refusals turned into JSON errors the UI shows as they are.
 */
export async function facilitationRequest(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>,
	allowed: readonly MemberRole[]
) {
	const access = await requireWorkshopRole(
		event.locals,
		event.params.id as string,
		allowed,
		event.url
	);
	const deps: FacilitationDeps = { store: event.locals.app.store, sync: event.locals.app.sync };
	const actor: Actor = { id: access.user.id, name: access.user.displayName };
	return { ...access, deps, actor, workshopId: access.workshop.id };
}

export async function respond<T>(work: () => Promise<T>, status = 200): Promise<Response> {
	try {
		const body = await work();
		return json(body ?? { ok: true }, { status });
	} catch (caught) {
		if (caught instanceof FacilitationError) error(caught.status, caught.message);
		throw caught;
	}
}

/** The JSON body, or a 400 that says so. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
	try {
		const body = (await request.json()) as unknown;
		if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
			return body as Record<string, unknown>;
		}
	} catch {
		// Falls through to the error below.
	}
	error(400, 'Send a JSON object.');
}
