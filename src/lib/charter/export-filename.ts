import type { Charter } from './charter.ts';

const slug = (text: string): string =>
	text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60) || 'charter';

/**
 * The name a downloaded export is saved under; the server's header and the page's download link
 * both use it, so the file is named the same however it is fetched.
 */
export const exportFilename = (
	charter: Pick<Charter, 'title' | 'version'>,
	format: string,
	variant = ''
): string => `${slug(charter.title)}-v${charter.version}${variant ? `-${variant}` : ''}.${format}`;
