import type { Responsibility } from '../types.ts';

const source = 'product-school';

export const PRODUCT_SCHOOL: Responsibility[] = [
	{
		id: 'translate-business-goals',
		title: 'Translate business goals for engineering',
		detail: 'Turn company objectives into problems and priorities the engineering team can act on.',
		source
	},
	{
		id: 'run-team-meetings',
		title: 'Run product meetings',
		detail:
			'Use meetings to hand out work, report where the team stands, demo results and share what was learned.',
		source
	},
	{
		id: 'work-with-vendors',
		title: 'Keep up with vendors and consultants',
		detail:
			'Stay informed about what outside vendors and consultants plan to change and how it touches the product.',
		source
	}
];
