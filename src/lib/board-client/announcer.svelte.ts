/**
 * Messages for screen readers (two aria-live regions, polite and assertive) and, for problems,
 * a short visible notice as well.
 */

export type Notice = { id: number; message: string; tone: 'error' | 'info' };

const NOTICE_MS = 6000;

export class Announcer {
	polite = $state('');
	assertive = $state('');
	notices: Notice[] = $state([]);
	#next = 1;

	/** Announces `message`; saying the same thing twice is announced twice. */
	say(message: string): void {
		this.polite = this.polite === message ? `${message}\u00a0` : message;
	}

	/** Announces a problem at once and shows it for a few seconds. */
	error(message: string): void {
		this.assertive = this.assertive === message ? `${message}\u00a0` : message;
		this.show(message, 'error');
	}

	show(message: string, tone: Notice['tone'] = 'info'): void {
		const id = this.#next++;
		this.notices = [...this.notices.slice(-2), { id, message, tone }];
		setTimeout(() => this.dismiss(id), NOTICE_MS);
	}

	dismiss(id: number): void {
		this.notices = this.notices.filter((notice) => notice.id !== id);
	}
}
