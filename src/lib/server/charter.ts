import { error, type RequestEvent } from '@sveltejs/kit';
import { ANY_MEMBER, requireWorkshopRole } from './access.ts';
import {
	charterToCsv,
	charterToJson,
	charterToMarkdown,
	exportFilename,
	type Charter,
	type CharterConsent
} from '#lib/charter/index.ts';
import { RULE_COPY } from '#lib/templates/index.ts';
import type { RuleId } from '#lib/templates/index.ts';
import type { PdfPool, RenderedPdf } from '#server/charter/pdf-pool.ts';
import { isPdfRefused } from '#server/charter/pdf-refusal.ts';
import type { Store } from '#server/store/index.ts';
import type { PublishedCharter } from '#server/store/charters.ts';
import type { MemberRole } from '#lib/contracts/roles.ts';

/**
 * Who is reading a charter and what they may open. Members of the workshop read every published
 * version at /w/<id>/charter. A share link (/c/<token>) pinned to a version opens that version
 * only; a link that follows the latest version opens the published history with it, so that a
 * new hire can see what changed since the last time.
 */
export interface CharterScope {
	workshopId: string;
	/** Links inside the charter start here: `/w/<id>/charter` or `/c/<token>`. */
	base: string;
	/** Where the downloads live: `/w/<id>` or `/c/<token>`. */
	filesBase: string;
	kind: 'member' | 'share';
	/** The member's workshop role; null through a share link. */
	role: MemberRole | null;
	/** The one version a pinned share link opens; null when every version may be read. */
	only: number | null;
}

export async function memberScope(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>
): Promise<CharterScope> {
	const id = event.params.id ?? '';
	const { role } = await requireWorkshopRole(event.locals, id, ANY_MEMBER, event.url);
	return {
		workshopId: id,
		base: `/w/${id}/charter`,
		filesBase: `/w/${id}`,
		kind: 'member',
		role,
		only: null
	};
}

export async function shareScope(locals: App.Locals, token: string): Promise<CharterScope> {
	const share = /^[a-z2-7]{16,64}$/.test(token)
		? await locals.app.store.charters.resolveShare(token)
		: null;
	if (!share) {
		error(
			404,
			'This charter link does not exist or has been revoked. Ask whoever sent it for a new one.'
		);
	}
	return {
		workshopId: share.workshopId,
		base: `/c/${token}`,
		filesBase: `/c/${token}`,
		kind: 'share',
		role: null,
		only: share.version
	};
}

/** `?v=` or a `[n]` segment: absent → undefined, anything but a whole number ≥ 1 → 404. */
export function parseVersion(raw: string | null | undefined): number | undefined {
	if (raw === null || raw === undefined || raw === '') return undefined;
	if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
		error(404, `“${raw.slice(0, 40)}” is not a version number.`);
	}
	return Number(raw);
}

function mayRead(scope: CharterScope, version: number): boolean {
	return scope.only === null || scope.only === version;
}

/** Consents are given after publishing: the stored answers are laid over the charter's own. */
function withConsents(
	charter: Charter,
	consents: Awaited<ReturnType<Store['charters']['listConsents']>>
): Charter {
	const byUser = new Map<string, CharterConsent>(charter.consents.map((c) => [c.userId, c]));
	for (const consent of consents) {
		byUser.set(consent.userId, {
			userId: consent.userId,
			name: consent.name,
			decision: consent.decision,
			...(consent.comment ? { comment: consent.comment } : {}),
			at: new Date(consent.at).toISOString()
		});
	}
	return { ...charter, consents: [...byUser.values()] };
}

export interface OpenedCharter {
	published: PublishedCharter;
	/** The published charter with the consents given since. */
	charter: Charter;
	latest: number;
}

/**
 * One published version for this reader: the latest they may read when `version` is undefined,
 * 404 when it does not exist, 403 when the reader's link does not cover it.
 */
export async function openCharter(
	store: Store,
	scope: CharterScope,
	version: number | undefined
): Promise<OpenedCharter | null> {
	const latest = await store.charters.get(scope.workshopId);
	if (!latest) {
		if (version !== undefined) error(404, `There is no version ${version} of this charter.`);
		return null;
	}
	const wanted = version ?? scope.only ?? latest.version;
	const published =
		wanted === latest.version ? latest : await store.charters.get(scope.workshopId, wanted);
	if (!published) error(404, `There is no version ${wanted} of this charter.`);
	if (!mayRead(scope, wanted)) {
		error(403, `This link opens version ${scope.only} of the charter only.`);
	}
	const consents = await store.charters.listConsents(scope.workshopId, wanted);
	return {
		published,
		charter: withConsents(published.charter, consents),
		latest: latest.version
	};
}

export interface VersionEntry {
	version: number;
	publishedAt: number;
	author: string;
	title: string;
}

export async function listVersions(store: Store, scope: CharterScope): Promise<VersionEntry[]> {
	const versions = (await store.charters.list(scope.workshopId)).filter((v) =>
		mayRead(scope, v.version)
	);
	const names = new Map<string, string>();
	for (const id of new Set(versions.map((v) => v.authorId))) {
		names.set(id, (await store.users.get(id))?.displayName ?? 'a former member');
	}
	return versions.map((v) => ({
		version: v.version,
		publishedAt: v.publishedAt,
		author: names.get(v.authorId) ?? 'a former member',
		title: v.title
	}));
}

const RULE_LABELS = Object.fromEntries(
	Object.entries(RULE_COPY).map(([id, copy]) => [id, copy.label])
) as Record<RuleId, string>;

export type ExportFormat = 'md' | 'pdf' | 'csv' | 'json';

const CONTENT_TYPES: Record<ExportFormat, string> = {
	md: 'text/markdown; charset=utf-8',
	pdf: 'application/pdf',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

const isLetter = (url: URL) => url.searchParams.get('paper')?.toLowerCase() === 'letter';

const PDF_STATUS = { 'too-large': 413, busy: 503, timeout: 503, failed: 500 } as const;

/** The pool's refusals as HTTP errors that say what to do instead. */
async function renderPdf(
	pool: PdfPool,
	charter: Charter,
	paper: 'A4' | 'Letter'
): Promise<RenderedPdf> {
	try {
		return await pool.render(charter, paper);
	} catch (cause) {
		if (isPdfRefused(cause)) error(PDF_STATUS[cause.reason], cause.message);
		throw cause;
	}
}

/** A download of one version (`?v=N`, latest by default) in one format. */
export async function exportCharter(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	scope: CharterScope,
	format: ExportFormat
): Promise<Response> {
	const version = parseVersion(event.url.searchParams.get('v'));
	const opened = await openCharter(event.locals.app.store, scope, version);
	if (!opened) error(404, 'Nothing has been published from this workshop yet.');
	const { charter } = opened;
	let body: string | Uint8Array;
	if (format === 'md') body = charterToMarkdown(charter, { ruleText: RULE_LABELS });
	else if (format === 'csv') body = charterToCsv(charter);
	else if (format === 'json') body = charterToJson(charter);
	else {
		body = (await renderPdf(event.locals.app.pdf, charter, isLetter(event.url) ? 'Letter' : 'A4'))
			.pdf;
	}
	const paper = format === 'pdf' && isLetter(event.url) ? 'letter' : '';
	const filename = exportFilename(charter, format, paper);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="${filename}"`,
			// Access can be revoked, so nobody in between may keep a copy.
			'cache-control': 'private, no-store',
			...(scope.kind === 'share' ? { 'x-robots-tag': 'noindex' } : {})
		}
	});
}

export interface CharterPageData {
	scope: CharterScope;
	/** null: nothing has been published yet. */
	charter: Charter | null;
	version: number | null;
	latest: number | null;
	versions: VersionEntry[];
}

/** Everything the reading page shows, for a member or a share-link holder. */
export async function loadCharterPage(
	locals: App.Locals,
	scope: CharterScope,
	version: number | undefined
): Promise<CharterPageData> {
	const store = locals.app.store;
	const [opened, versions] = await Promise.all([
		openCharter(store, scope, version),
		listVersions(store, scope)
	]);
	return {
		scope,
		charter: opened?.charter ?? null,
		version: opened?.published.version ?? null,
		latest: opened?.latest ?? null,
		versions
	};
}

/** Two versions side by side, for `diff?from=1&to=2` (default: the two latest). */
export async function loadDiffPage(
	locals: App.Locals,
	scope: CharterScope,
	url: URL
): Promise<{
	scope: CharterScope;
	versions: VersionEntry[];
	from: Charter | null;
	to: Charter | null;
}> {
	const store = locals.app.store;
	const versions = await listVersions(store, scope);
	if (scope.only !== null) error(403, `This link opens version ${scope.only} of the charter only.`);
	let from = parseVersion(url.searchParams.get('from'));
	let to = parseVersion(url.searchParams.get('to'));
	if (versions.length < 2 && from === undefined && to === undefined) {
		return { scope, versions, from: null, to: null };
	}
	to ??= versions[0]?.version;
	from ??= versions.find((v) => v.version < (to ?? 0))?.version ?? versions.at(-1)?.version;
	const [a, b] = await Promise.all([
		openCharter(store, scope, from),
		openCharter(store, scope, to)
	]);
	return { scope, versions, from: a?.charter ?? null, to: b?.charter ?? null };
}
