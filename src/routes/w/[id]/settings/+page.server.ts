import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { FACILITATOR, forgetAccess, requireWorkshopRole } from '#lib/server/access.ts';
import { isMemberRole } from '#lib/contracts/roles.ts';
import { readTitleAndTeam } from '#lib/server/workshop-form.ts';
import { workshopFramework } from '#lib/server/workshop-framework.ts';
import { createInvite } from '#lib/server/invites.ts';
import { inviteCapProblem } from '#lib/server/creation-caps.ts';
import { parseThresholdFields, thresholdFields } from '#lib/board/thresholds.ts';
import { readWorkshopThresholds, saveWorkshopThresholds } from '#server/facilitation/thresholds.ts';

const LABEL_MAX = 60;

async function facilitate(event: RequestEvent) {
	return requireWorkshopRole(event.locals, event.params.id, FACILITATOR, event.url);
}

export const load: PageServerLoad = async (event) => {
	const { workshop, user } = await facilitate(event);
	const { store, sync } = event.locals.app;
	const [members, invites, thresholds, framework] = await Promise.all([
		store.workshops.listMembers(workshop.id),
		store.invites.list(workshop.id),
		readWorkshopThresholds({ store, sync }, workshop.id),
		workshopFramework(store, workshop)
	]);
	return {
		me: user.id,
		frameworkName: framework.name,
		thresholds: thresholdFields(thresholds),
		members: members.map((m) => ({
			userId: m.userId,
			displayName: m.displayName,
			username: m.isGuest ? null : m.username,
			color: m.color,
			isGuest: m.isGuest,
			role: m.role,
			joinedAt: m.joinedAt
		})),
		invites: invites.map((i) => ({
			id: i.id,
			role: i.role,
			label: i.label,
			createdAt: i.createdAt,
			revokedAt: i.revokedAt,
			uses: i.uses
		}))
	};
};

/** The answer to a membership change the workshop service refused. */
function refusedChange(userId: string, reason: 'not-a-member' | 'last-facilitator') {
	if (reason === 'not-a-member') error(404, 'That person is not a member of this workshop.');
	return fail(400, {
		member: { userId, error: 'Make someone else facilitator first: a workshop needs one.' }
	});
}

export const actions: Actions = {
	rename: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const { title, team, errors } = readTitleAndTeam(form);
		if (errors.title || errors.team) {
			return fail(400, { rename: { errors, values: { title, team }, saved: false } });
		}
		await event.locals.app.store.workshops.update(workshop.id, { title, team });
		return { rename: { errors, values: { title, team }, saved: true } };
	},

	thresholds: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const values = {
			overloadPercent: String(form.get('overloadPercent') ?? ''),
			overloadMin: String(form.get('overloadMin') ?? ''),
			consultedLeftOut: String(form.get('consultedLeftOut') ?? '')
		};
		const parsed = parseThresholdFields(values);
		if (parsed.errors)
			return fail(400, { thresholds: { errors: parsed.errors, values, saved: false } });
		const { store, sync } = event.locals.app;
		await saveWorkshopThresholds({ store, sync }, workshop.id, parsed.thresholds);
		return {
			thresholds: { errors: {}, values: thresholdFields(parsed.thresholds), saved: true }
		};
	},

	archive: async (event) => {
		const { workshop } = await facilitate(event);
		await event.locals.app.store.workshops.setArchived(workshop.id, true);
		return { archived: true };
	},

	unarchive: async (event) => {
		const { workshop } = await facilitate(event);
		await event.locals.app.store.workshops.setArchived(workshop.id, false);
		return { archived: false };
	},

	delete: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const confirm = String(form.get('confirm') ?? '').trim();
		if (confirm !== workshop.title) {
			return fail(400, {
				delete: { error: 'Type the workshop title exactly as shown to confirm.', value: confirm }
			});
		}
		await event.locals.app.workshops.deleteWorkshop(workshop.id);
		redirect(303, '/');
	},

	createInvite: async (event) => {
		const { workshop, user } = await facilitate(event);
		const form = await event.request.formData();
		const role = String(form.get('role') ?? '');
		const label = String(form.get('label') ?? '')
			.replace(/\s+/g, ' ')
			.trim();
		const values = { role, label };
		if (role !== 'participant' && role !== 'reader') {
			return fail(400, { invite: { errors: { role: 'Choose participant or reader.' }, values } });
		}
		if (label.length > LABEL_MAX) {
			return fail(400, {
				invite: { errors: { label: `Keep the note to ${LABEL_MAX} characters.` }, values }
			});
		}
		const { store, config } = event.locals.app;
		const capped = await inviteCapProblem(store, config.caps, workshop.id);
		if (capped) return fail(429, { invite: { errors: { form: capped }, values } });
		const origin = config.origin ?? event.url.origin;
		const { invite, link } = await createInvite(
			store,
			{ workshopId: workshop.id, role, label, createdBy: user.id },
			origin
		);
		return { created: { id: invite.id, role, label, link } };
	},

	revokeInvite: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const revoked = await event.locals.app.store.invites.revoke(
			workshop.id,
			String(form.get('inviteId') ?? '')
		);
		if (!revoked)
			return fail(404, { revoke: { error: 'That invite does not exist or is already revoked.' } });
		return { revoked: true };
	},

	changeRole: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const role = String(form.get('role') ?? '');
		if (!isMemberRole(role)) {
			return fail(400, { member: { userId, error: 'Choose facilitator, participant or reader.' } });
		}
		const changed = await event.locals.app.workshops.changeRole(workshop.id, userId, role);
		if (!changed.ok) return refusedChange(userId, changed.reason);
		forgetAccess(event.locals, workshop.id);
		if (userId === event.locals.user?.id && role !== 'facilitator')
			redirect(303, `/w/${workshop.id}`);
		return { member: { userId, saved: true } };
	},

	removeMember: async (event) => {
		const { workshop } = await facilitate(event);
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const removed = await event.locals.app.workshops.removeMember(workshop.id, userId);
		if (!removed.ok) return refusedChange(userId, removed.reason);
		forgetAccess(event.locals, workshop.id);
		if (userId === event.locals.user?.id) redirect(303, '/');
		return { member: { userId, removed: true } };
	}
};
