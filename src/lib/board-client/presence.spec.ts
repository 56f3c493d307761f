import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { PresenceState } from './presence.svelte.ts';

const ana = { id: 'u-ana', name: 'Ana Lima', color: '#123456', role: 'participant' as const };

describe('PresenceState', () => {
	it('keeps showing what the tab looks at when its link is rebuilt, in either order', () => {
		const presence = new PresenceState(ana, [ana]);
		const first = new Awareness(new Y.Doc());
		const stopFirst = presence.attach(first);
		presence.setFocus({ cardId: 'c1' });
		expect(first.getLocalState()?.focus).toEqual({ cardId: 'c1' });

		// A rebuilt link: the new one may attach before the old one stops.
		const second = new Awareness(new Y.Doc());
		presence.attach(second);
		stopFirst();
		expect(second.getLocalState()?.focus).toEqual({ cardId: 'c1' });
		presence.setFocus({ cardId: 'c2' });
		expect(second.getLocalState()?.focus).toEqual({ cardId: 'c2' });
	});
});
