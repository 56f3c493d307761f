import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptInvite, findInvite } from '#lib/server/invites.ts';
import { insecureOriginProblem, setSessionCookie } from '#lib/server/session-cookie.ts';

const UNKNOWN =
	'This invite link does not work: it may be mistyped or incomplete, or its workshop was deleted. Ask the facilitator for a new link.';
const REVOKED =
	'This invite link was revoked by the workshop’s facilitator. Ask them for a new link.';

async function validInvite(locals: App.Locals, token: string) {
	const found = await findInvite(locals.app.store, token);
	if (found.status === 'unknown') error(404, UNKNOWN);
	if (found.status === 'revoked') error(410, REVOKED);
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { invite, workshop } = await validInvite(locals, params.token);
	if (locals.user) {
		await acceptInvite(locals.app.store, invite, locals.user.id);
		redirect(303, `/w/${workshop.id}`);
	}
	const [members, inviter] = await Promise.all([
		locals.app.store.workshops.listMembers(workshop.id),
		locals.app.store.users.get(invite.createdBy)
	]);
	return {
		invite: {
			role: invite.role,
			title: workshop.title,
			team: workshop.team,
			inviter: inviter?.displayName ?? null,
			memberCount: members.length
		}
	};
};

export const actions: Actions = {
	guest: async ({ locals, params, request, cookies, url, getClientAddress }) => {
		const { invite, workshop } = await validInvite(locals, params.token);
		if (!locals.user) {
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
			await acceptInvite(locals.app.store, invite, result.user.id);
		} else {
			await acceptInvite(locals.app.store, invite, locals.user.id);
		}
		redirect(303, `/w/${workshop.id}`);
	}
};
