import type { Responsibility } from '../types.ts';

const source = 'many-things';

export const MANY_THINGS: Responsibility[] = [
	{
		id: 'teach-problem-framing',
		title: 'Teach symptom versus problem',
		detail:
			'Help colleagues tell what a customer reports apart from the problem actually causing it.',
		source
	},
	{
		id: 'find-product-market-fit',
		title: 'Find product-market fit',
		detail:
			'Test whether the product meets a real market need strongly enough to grow, and adjust until it does.',
		source
	},
	{
		id: 'manage-project',
		title: 'Keep the project on track',
		detail:
			'Track tasks, dates and dependencies so engineering, design and go-to-market move in step.',
		source
	},
	{
		id: 'manage-program',
		title: 'Run program management',
		detail:
			'Coordinate timelines and dependencies across several projects and teams that ship together.',
		source
	},
	{
		id: 'defend-projects-to-execs',
		title: 'Defend approved work to executives',
		detail:
			'Argue again for committed projects in C-suite meetings when they are suddenly at risk of being cut.',
		source
	},
	{
		id: 'liaise-with-customer-teams',
		title: 'Liaise with customer-facing teams',
		detail:
			'Be the go-to contact for sales, support and success, carrying questions and context both ways.',
		source
	},
	{
		id: 'flag-team-issues',
		title: 'Flag team issues to EMs',
		detail:
			'Tell engineering managers about performance or team problems you notice, without managing people yourself.',
		source
	},
	{
		id: 'write-content',
		title: 'Write content and documentation',
		detail: 'Produce blog posts, product documentation and internal write-ups.',
		source
	},
	{
		id: 'enable-sales-support',
		title: 'Enable sales and support',
		detail:
			'Train customer-facing teams on what the product does, what is changing and why it matters.',
		source
	},
	{
		id: 'build-prototypes',
		title: 'Build prototypes',
		detail:
			'Make proofs of concept, from rough sketches to working demos, to test an idea before it is built for real.',
		source
	},
	{
		id: 'represent-at-events',
		title: 'Work conferences',
		detail: 'Staff the booth or give talks at events, sometimes with demo code you wrote yourself.',
		source
	},
	{
		id: 'onboard-new-sales-reps',
		title: 'Onboard new sales reps',
		detail: 'Get new sellers fluent in the product and able to pitch it naturally to customers.',
		source
	},
	{
		id: 'test-before-release',
		title: 'Test before release',
		detail: 'Check finished work against what customers expect before it reaches them.',
		source
	},
	{
		id: 'run-beta-programs',
		title: 'Run beta and design-partner programs',
		detail: 'Recruit alpha, beta and design-partner customers and manage the early-access program.',
		source
	},
	{
		id: 'own-in-between-work',
		title: 'Pick up the work between teams',
		detail:
			'Spot jobs that fall in the gaps between teams and find each one a real owner instead of quietly absorbing it.',
		source
	}
];
