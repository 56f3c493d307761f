import type { Responsibility } from '../types.ts';

const source = 'day-to-day';

export const DAY_TO_DAY: Responsibility[] = [
	{
		id: 'communicate-vision',
		title: 'Set and share the product vision',
		detail:
			"Turn the company's direction into a product vision that every team can repeat and steer by.",
		source,
		alsoIn: ['product-school']
	},
	{
		id: 'know-domain',
		title: 'Be the domain expert',
		detail:
			"Know the industry, customers, competition and product well enough to be the team's reference.",
		source
	},
	{
		id: 'advocate-for-customers',
		title: 'Advocate for customers',
		detail:
			'Speak for customers inside the company, especially when plans drift away from what they need.',
		source
	},
	{
		id: 'write-market-requirements',
		title: 'Write market requirements',
		detail:
			'Document the market problem, its priorities and the reasoning for each part of the proposed solution.',
		source
	},
	{
		id: 'build-business-cases',
		title: 'Build business cases',
		detail:
			'Make the case for new products, for improving existing ones and for new lines of business.',
		source
	},
	{
		id: 'own-product-profitability',
		title: 'Keep the product profitable',
		detail: 'Watch the commercial side so the product earns money for the company, not just ships.',
		source
	},
	{
		id: 'build-and-support-team',
		title: 'Guide and support the team',
		detail:
			'Lead the people building the product through support rather than orders, and help grow a strong team.',
		source
	},
	{
		id: 'produce-product-docs',
		title: 'Produce reports and documents',
		detail:
			'Prepare case studies, product comparisons, competitor write-ups and decks for presentations.',
		source
	},
	{
		id: 'plan-release-course',
		title: 'Plan the release course',
		detail:
			'Map the road from a finished build to general availability and keep every team walking it.',
		source
	},
	{
		id: 'run-product-operations',
		title: 'Keep product operations running',
		detail:
			'Understand the routine machinery behind a live product, then handle each part or hand it to someone.',
		source,
		cadence: ['daily']
	}
];
