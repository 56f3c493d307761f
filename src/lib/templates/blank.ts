import { defineTemplate } from './define-template.ts';

export const BLANK = defineTemplate({
	id: 'blank',
	name: 'Blank',
	description: 'An empty board with the default roles, for teams that bring their own list.',
	sections: {}
});
