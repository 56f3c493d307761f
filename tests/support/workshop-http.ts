/**
 * Sets up a workshop the way people do, over the app's own HTTP forms: sign-ups, a workshop
 * created from a template, an invite link per role that the others open while signed in. Each
 * person is a cookie jar; `api` calls the JSON endpoints with their session.
 */
import { DEFAULT_ROLES } from '../../src/lib/templates/index.ts';
import { signUp, type ServerRef, type TestUser } from './sync-client.ts';

export interface Person extends TestUser {
	/** Calls a JSON endpoint as this person; resolves with the status and the parsed body. */
	api<T = Record<string, unknown>>(
		method: string,
		path: string,
		body?: unknown
	): Promise<{ status: number; body: T }>;
	/** Posts a form (a SvelteKit action) as this person. */
	form(path: string, fields: Record<string, string | string[]>): Promise<Response>;
}

export function asPerson(server: ServerRef, user: TestUser): Person {
	const headers = { origin: server.url, cookie: user.cookie, accept: 'application/json' };
	return {
		...user,
		async api(method, path, body) {
			const response = await fetch(server.url + path, {
				method,
				redirect: 'manual',
				headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
			const text = await response.text();
			let parsed: unknown = null;
			try {
				parsed = text ? JSON.parse(text) : null;
			} catch {
				parsed = { text };
			}
			return { status: response.status, body: parsed as never };
		},
		async form(path, fields) {
			const form = new URLSearchParams();
			for (const [key, value] of Object.entries(fields)) {
				for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
			}
			return fetch(server.url + path, {
				method: 'POST',
				redirect: 'manual',
				body: form,
				headers: {
					origin: server.url,
					cookie: user.cookie,
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded',
					'x-sveltekit-action': 'true'
				}
			});
		}
	};
}

export async function signUpPerson(server: ServerRef, displayName: string): Promise<Person> {
	return asPerson(server, await signUp(server, displayName));
}

/**
 * Creates a workshop through the "new workshop" form, as a browser posts it; returns its id. The
 * one way tests make a workshop (integration, e2e with a context's cookie, the bench).
 */
export async function createWorkshop(
	server: Pick<ServerRef, 'url'>,
	facilitator: Pick<TestUser, 'cookie'>,
	options: {
		title?: string;
		team?: string;
		template?: string;
		roles?: readonly { id: string; name: string; label: string; color: string }[];
		framework?: string;
	} = {}
): Promise<string> {
	const roles = options.roles ?? DEFAULT_ROLES.slice(0, 4);
	const body = new URLSearchParams({
		title: options.title ?? 'Where should we draw the line?',
		team: options.team ?? 'Checkout squad',
		template: options.template ?? 'four-pillars',
		focusRole: '0'
	});
	if (options.framework) body.append('framework', options.framework);
	for (const role of roles) {
		body.append('roleId', role.id);
		body.append('roleName', role.name);
		body.append('roleLabel', role.label);
		body.append('roleColor', role.color);
	}
	const response = await fetch(`${server.url}/workshops/new`, {
		method: 'POST',
		redirect: 'manual',
		body,
		headers: {
			origin: server.url,
			cookie: facilitator.cookie,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	const location = response.headers.get('location') ?? '';
	const match = /^\/w\/([^/?#]+)$/.exec(location);
	if (response.status !== 303 || !match) {
		throw new Error(
			`creating a workshop failed (${response.status}): ${location || (await response.text()).slice(0, 300)}`
		);
	}
	return match[1];
}

/** The facilitator makes an invite link for `role`; each person joins through it while signed in. */
export async function invite(
	server: ServerRef,
	facilitator: Person,
	workshopId: string,
	role: 'participant' | 'reader',
	people: Person[]
): Promise<void> {
	const response = await fetch(`${server.url}/w/${workshopId}/settings?/createInvite`, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ role, label: '' }),
		headers: {
			origin: server.url,
			cookie: facilitator.cookie,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	const link = /\/invite\/([a-z2-7]{16,64})/.exec(await response.text())?.[0];
	if (!link) throw new Error(`no invite link in the settings page (${response.status})`);
	for (const person of people) {
		const joined = await fetch(`${server.url}${link}?/join`, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams(),
			headers: {
				origin: server.url,
				cookie: person.cookie,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		if (joined.status !== 303)
			throw new Error(`${person.displayName} could not join (${joined.status})`);
	}
}
