import type { Responsibility } from '../types.ts';

const source = 'three-core';

export const THREE_CORE: Responsibility[] = [
	{
		id: 'research-customers',
		title: 'Know customers first-hand',
		detail:
			'Interview and observe customers until you understand their workflows, struggles and unmet needs.',
		source
	},
	{
		id: 'partner-with-eng-design',
		title: 'Partner with engineering and design',
		detail:
			'Shape solutions together with engineers and designers so they are both feasible and valuable.',
		source
	},
	{
		id: 'drive-execution',
		title: 'Drive execution to release',
		detail:
			'See a solution through from first idea to shipped product without losing the user problem it solves.',
		source
	},
	{
		id: 'design-customer-journey',
		title: 'Own the customer journey',
		detail:
			"Shape every step from a visitor's first page view to getting past support snags, so it feels like one experience.",
		source
	},
	{
		id: 'build-gtm-into-product',
		title: 'Build go-to-market into the product',
		detail:
			'For self-serve products, design the in-product touchpoints that sell to, onboard and keep users.',
		source
	},
	{
		id: 'align-with-brand-and-business',
		title: 'Align with brand and strategy',
		detail:
			"Keep the product experience consistent with the company's wider strategy and the promise its brand makes.",
		source
	},
	{
		id: 'run-learning-loops',
		title: 'Run build-measure-learn loops',
		detail:
			'Treat each release as an experiment and ask what it taught us, not only whether targets were hit.',
		source
	},
	{
		id: 'find-adjacent-opportunities',
		title: 'Spot adjacent opportunities',
		detail:
			'Look for nearby markets and unmet needs where the company could extend what it offers.',
		source
	},
	{
		id: 'anticipate-needs',
		title: 'Anticipate customer needs',
		detail: 'Pick up faint signals of what customers will need before they can put it into words.',
		source
	},
	{
		id: 'collect-new-ideas',
		title: 'Be the hub for new ideas',
		detail: 'Gather ideas from customers and colleagues and decide which deserve a closer look.',
		source
	}
];
