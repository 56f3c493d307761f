import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeNext } from '#lib/server/access.ts';
import { insecureOriginProblem } from '#lib/server/session-cookie.ts';
import { loadAuthPage, switchSessionAndGo } from '#lib/server/auth-page.ts';

export const load: PageServerLoad = loadAuthPage;

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url, getClientAddress } = event;
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''));
		const values = { username };

		const insecure = insecureOriginProblem(url);
		if (insecure) return fail(400, { errors: { form: insecure }, values });

		const result = await locals.app.auth.signIn({ username, password, ip: getClientAddress() });
		if (!result.ok) return fail(result.errors.form ? 429 : 400, { errors: result.errors, values });

		return switchSessionAndGo(event, result, next);
	}
};
