import { fail, redirect } from '@sveltejs/kit';
import * as Y from 'yjs';
import type { Actions, PageServerLoad } from './$types';
import { TEMPLATES, getTemplate } from '#lib/templates/index.ts';
import { BoardError, FRAMEWORK_IDS, FRAMEWORKS, seedBoard } from '#lib/board/index.ts';
import { docName } from '#lib/contracts/sync.ts';
import { requireUser } from '#lib/server/access.ts';
import { parseRoles, readFramework, readTitleAndTeam } from '#lib/server/workshop-form.ts';
import { workshopCapProblem } from '#lib/server/creation-caps.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	const selected = getTemplate(url.searchParams.get('template') ?? '') ?? TEMPLATES[0];
	return {
		selected: selected.id,
		frameworks: FRAMEWORK_IDS.map((id) => {
			const { name, summary, letters, both } = FRAMEWORKS[id];
			return {
				id,
				name,
				summary,
				both,
				letters: letters.map(({ letter, name }) => ({ letter, name }))
			};
		}),
		templates: TEMPLATES.map((t) => ({
			id: t.id,
			name: t.name,
			description: t.description,
			cardCount: t.cards.length,
			categories: [...new Set(t.cards.map((c) => c.category))],
			roles: t.roles.map(({ id, name, label, color }) => ({ id, name, label, color })),
			focusRoleId: t.focusRoleId
		}))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const { title, team, errors } = readTitleAndTeam(form);
		const templateId = String(form.get('template') ?? '');
		const template = getTemplate(templateId);
		const parsed = parseRoles(form);
		const framework = readFramework(form);
		const values = {
			title,
			team,
			framework: framework.framework,
			template: templateId,
			roles: parsed.rows,
			focusIndex: parsed.focusIndex
		};
		const allErrors: Record<string, string> = { ...errors };
		if (!template) allErrors.template = 'Choose a template to start from.';
		if (parsed.error) allErrors.roles = parsed.error;
		if (framework.error) allErrors.framework = framework.error;
		if (
			!template ||
			Object.keys(allErrors).length > 0 ||
			Object.keys(parsed.rowErrors).length > 0
		) {
			return fail(400, { errors: allErrors, roleErrors: parsed.rowErrors, values });
		}

		const doc = new Y.Doc();
		try {
			seedBoard(doc, {
				roles: parsed.roles,
				cards: template.cards,
				focusRoleId: parsed.focusRoleId ?? undefined,
				framework: framework.framework
			});
		} catch (error) {
			if (!(error instanceof BoardError)) throw error;
			return fail(400, { errors: { roles: error.message }, roleErrors: {}, values });
		}

		const store = locals.app.store;
		const capped = await workshopCapProblem(store, locals.app.config.caps, user.id);
		if (capped) return fail(429, { errors: { form: capped }, roleErrors: {}, values });
		const workshop = await store.workshops.create({
			title,
			team,
			templateId: template.id,
			focusRoleId: parsed.focusRoleId!,
			createdBy: user.id,
			framework: framework.framework
		});
		try {
			await store.docs.append(docName(workshop.id, 'board'), 0, [Y.encodeStateAsUpdate(doc)]);
		} catch (error) {
			await store.workshops.remove(workshop.id);
			throw error;
		}
		redirect(303, `/w/${workshop.id}`);
	}
};
