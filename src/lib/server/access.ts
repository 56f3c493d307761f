import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { decideWorkshopAccess, type AccessDecision } from '#server/auth/access.ts';
import type { Workshop } from '#server/store/workshops.ts';
import { MEMBER_ROLES, type MemberRole } from '#lib/contracts/roles.ts';
import type { AuthUser } from '#server/auth/sessions.ts';

/**
 * Authorization, in one place. hooks.server.ts runs `guardRequest` before any
 * load, action or endpoint: every route under /w/[id] needs a membership whose
 * role the table below allows, for reading (GET/HEAD) and for changing
 * (anything else). Loads and actions then call `requireWorkshopRole` to get the
 * workshop and to narrow further; the membership lookup is cached per request.
 * Routes outside /w/[id] are public unless listed in SIGNED_IN_ROUTES.
 */

export const ANY_MEMBER: readonly MemberRole[] = MEMBER_ROLES;
export const EDITORS: readonly MemberRole[] = ['facilitator', 'participant'];
export const FACILITATOR: readonly MemberRole[] = ['facilitator'];

interface WorkshopPolicy {
	/** A route id, matched with everything below it; the most specific entry wins. */
	route: string;
	read: readonly MemberRole[];
	change: readonly MemberRole[];
}

export const WORKSHOP_POLICIES: WorkshopPolicy[] = [
	{ route: '/w/[id]/settings', read: FACILITATOR, change: FACILITATOR },
	{ route: '/w/[id]', read: ANY_MEMBER, change: EDITORS }
];

const SIGNED_IN_ROUTES = ['/workshops/new'];

function under(routeId: string, prefix: string): boolean {
	return routeId === prefix || routeId.startsWith(prefix + '/');
}

export function policyFor(routeId: string | null): WorkshopPolicy | null {
	if (!routeId) return null;
	return WORKSHOP_POLICIES.find((policy) => under(routeId, policy.route)) ?? null;
}

function isReading(method: string): boolean {
	return method === 'GET' || method === 'HEAD';
}

const SAME_ORIGIN = 'http://drawline.invalid';

/**
 * A redirect target we may follow: a plain path on this site, normalised, or `fallback`.
 * Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example`
 * becomes `//evil.example`; such characters also make a `Location` header throw (a 500).
 */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//'))
		return fallback;
	if (/[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, SAME_ORIGIN);
	} catch {
		return fallback;
	}
	if (url.origin !== SAME_ORIGIN || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}

export function signInUrl(url: URL): string {
	return `/signin?next=${encodeURIComponent(url.pathname + url.search)}`;
}

function lookup(locals: App.Locals, workshopId: string): Promise<AccessDecision> {
	let decision = locals.access.get(workshopId);
	if (!decision) {
		decision = decideWorkshopAccess(
			locals.app.store.workshops,
			workshopId,
			locals.user?.id,
			ANY_MEMBER
		);
		locals.access.set(workshopId, decision);
	}
	return decision;
}

function narrow(decision: AccessDecision, allowed: readonly MemberRole[]): AccessDecision {
	if (!decision.ok || allowed.includes(decision.role)) return decision;
	const roles = allowed.map((role) => `${role}s`).join(' and ');
	return {
		ok: false,
		status: 403,
		message: `Only ${roles} can do this; you are a ${decision.role} in this workshop.`
	};
}

/** After a change to memberships, later checks in the same request must look again. */
export function forgetAccess(locals: App.Locals, workshopId: string): void {
	locals.access.delete(workshopId);
}

/**
 * The decision hooks.server.ts acts on, or null when the route has no
 * workshop policy. Signed-out requests to guarded routes redirect to sign-in.
 */
export async function guardRequest(event: RequestEvent): Promise<AccessDecision | null> {
	const routeId = event.route.id;
	if (!event.locals.user && routeId && SIGNED_IN_ROUTES.some((r) => under(routeId, r))) {
		redirect(303, signInUrl(event.url));
	}
	const policy = policyFor(routeId);
	if (!policy || !event.params.id) return null;
	const allowed = isReading(event.request.method) ? policy.read : policy.change;
	const decision = narrow(await lookup(event.locals, event.params.id), allowed);
	if (!decision.ok && decision.status === 401) redirect(303, signInUrl(event.url));
	return decision;
}

export function requireUser(locals: App.Locals, url: URL): AuthUser {
	if (!locals.user) redirect(303, signInUrl(url));
	return locals.user;
}

export interface WorkshopAccess {
	user: AuthUser;
	workshop: Workshop;
	role: MemberRole;
}

/** 303 to sign-in when signed out, 404 for an unknown workshop, 403 for a non-member or a role outside `allowed`. */
export async function requireWorkshopRole(
	locals: App.Locals,
	workshopId: string,
	allowed: readonly MemberRole[],
	url?: URL
): Promise<WorkshopAccess> {
	if (!locals.user) redirect(303, url ? signInUrl(url) : '/signin');
	const decision = narrow(await lookup(locals, workshopId), allowed);
	if (!decision.ok) {
		if (decision.status === 401) redirect(303, url ? signInUrl(url) : '/signin');
		error(decision.status, decision.message);
	}
	return { user: locals.user, workshop: decision.workshop, role: decision.role };
}

/**
 * For layouts shared by several pages: applies the policy of whichever route
 * is being rendered (e.g. facilitator-only for settings), as the hook does.
 */
export async function requireRouteAccess(event: {
	locals: App.Locals;
	params: Partial<Record<string, string>>;
	route: { id: string | null };
	url: URL;
	request: Request;
}): Promise<WorkshopAccess> {
	const policy = policyFor(event.route.id);
	const workshopId = event.params.id;
	if (!policy || !workshopId) error(404, 'There is no workshop at this address.');
	const allowed = isReading(event.request.method) ? policy.read : policy.change;
	return requireWorkshopRole(event.locals, workshopId, allowed, event.url);
}
