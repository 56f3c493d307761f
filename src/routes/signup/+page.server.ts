import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeNext } from '#lib/server/access.ts';
import { insecureOriginProblem, setSessionCookie } from '#lib/server/session-cookie.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user && !locals.user.isGuest) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const displayName = String(form.get('displayName') ?? '');
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''));
		const values = { username, displayName };

		const insecure = insecureOriginProblem(url);
		if (insecure) return fail(400, { errors: { form: insecure }, values });

		const guestId = locals.user?.isGuest ? locals.user.id : undefined;
		const result = await locals.app.auth.signUp({
			username,
			password,
			displayName,
			guestId,
			ip: getClientAddress()
		});
		if (!result.ok) return fail(result.errors.form ? 429 : 400, { errors: result.errors, values });

		if (locals.session) await locals.app.auth.invalidateSession(locals.session.id);
		setSessionCookie(cookies, url, result.token, result.session.expiresAt);
		redirect(303, next);
	}
};
