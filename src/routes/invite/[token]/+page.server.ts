import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptInvite, findInvite, inviteAddsNothing } from '#lib/server/invites.ts';
import { insecureOriginProblem, setSessionCookie } from '#lib/server/session-cookie.ts';

const UNKNOWN =
	'This invite link does not work: it may be mistyped or incomplete, or its workshop was deleted. Ask the facilitator for a new link.';
const REVOKED =
	'This invite link was revoked by the workshop’s facilitator. Ask them for a new link.';
const REMOVED_SINCE =
	'You were removed from this workshop after this link was made, so it no longer lets you in. Ask the facilitator for a new link.';

async function validInvite(locals: App.Locals, token: string) {
	const found = await findInvite(locals.app.store, token);
	if (found.status === 'unknown') error(404, UNKNOWN);
	if (found.status === 'revoked') error(410, REVOKED);
	return found;
}

// Opening a link never joins: a GET can be triggered by a preview bot, a prefetch or another
// site. Whoever is signed in sees who they are and what they would join, and joins with a POST.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { invite, workshop } = await validInvite(locals, params.token);
	const store = locals.app.store;
	if (locals.user) {
		const membership = await store.workshops.getMembership(workshop.id, locals.user.id);
		if (inviteAddsNothing(invite, membership)) redirect(303, `/w/${workshop.id}`);
	}
	const [members, inviter] = await Promise.all([
		store.workshops.listMembers(workshop.id),
		store.users.get(invite.createdBy)
	]);
	return {
		invite: {
			role: invite.role,
			title: workshop.title,
			team: workshop.team,
			inviter: inviter?.displayName ?? null,
			memberCount: members.length
		},
		signedInAs: locals.user
			? { displayName: locals.user.displayName, isGuest: locals.user.isGuest }
			: null
	};
};

async function join(locals: App.Locals, token: string, userId: string) {
	const { invite, workshop } = await validInvite(locals, token);
	const accepted = await acceptInvite(locals.app.store, invite, userId);
	if (!accepted.ok)
		return fail(403, { errors: { form: REMOVED_SINCE }, values: { displayName: '' } });
	if (accepted.raised) await locals.app.sync.refreshMember(workshop.id, userId);
	redirect(303, `/w/${workshop.id}`);
}

export const actions: Actions = {
	join: async ({ locals, params, url }) => {
		if (!locals.user) redirect(303, `/signin?next=${encodeURIComponent(url.pathname)}`);
		return join(locals, params.token, locals.user.id);
	},
	guest: async ({ locals, params, request, cookies, url, getClientAddress }) => {
		if (locals.user) return join(locals, params.token, locals.user.id);
		await validInvite(locals, params.token);
		const form = await request.formData();
		const displayName = String(form.get('displayName') ?? '');
		const insecure = insecureOriginProblem(url);
		if (insecure) return fail(400, { errors: { form: insecure }, values: { displayName } });
		const result = await locals.app.auth.joinAsGuest({ displayName, ip: getClientAddress() });
		if (!result.ok) {
			return fail(result.errors.form ? 429 : 400, {
				errors: result.errors,
				values: { displayName }
			});
		}
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		return join(locals, params.token, result.user.id);
	}
};
