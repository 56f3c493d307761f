import type { Responsibility } from '../types.ts';

const source = 'definitive-guide';

// The only article that says how often a task recurs and at which level it belongs, so the
// cadence and seniority tags in the catalog all come from here.
export const DEFINITIVE_GUIDE: Responsibility[] = [
	{
		id: 'choose-problems-worth-solving',
		title: 'Choose problems worth solving',
		detail:
			"Pick the customer problems that are painful and widespread enough to earn the team's time, and say who has them.",
		source
	},
	{
		id: 'define-ideal-customer',
		title: 'Define the ideal customer',
		detail:
			'Name the customers the product is really for, so edge cases stop crowding out the accounts that renew and grow.',
		source
	},
	{
		id: 'shape-product-strategy',
		title: 'Shape the product strategy',
		detail:
			'Turn broad goals into concrete choices about who we serve, how we position, what comes first and what we give up.',
		source,
		seniority: ['senior']
	},
	{
		id: 'set-value-metric',
		title: 'Pick the north-star metric',
		detail:
			'Choose the one measure of user behavior that shows the product is delivering value, and steer decisions by it.',
		source
	},
	{
		id: 'choose-portfolio-bets',
		title: 'Choose portfolio bets',
		detail:
			'Decide across product lines which problem areas get investment this half, and what the company stops doing to pay for it.',
		source,
		seniority: ['group']
	},
	{
		id: 'align-multiple-teams',
		title: 'Align several product teams',
		detail:
			'Keep multiple teams aimed at compatible goals and sort out the dependencies between them.',
		source,
		seniority: ['group']
	},
	{
		id: 'prepare-leadership-decisions',
		title: 'Prepare decisions for leadership',
		detail:
			'Bring executives the evidence and options they need to back calls that may delay requests they can see.',
		source,
		cadence: ['monthly']
	},
	{
		id: 'lead-discovery',
		title: 'Lead discovery',
		detail: 'Plan and run the research that decides which problems a product area takes on next.',
		source,
		seniority: ['pm']
	},
	{
		id: 'talk-to-customers',
		title: 'Talk to customers',
		detail:
			'Keep in regular contact with customers and listen for friction that keeps coming back, not only explicit asks.',
		source,
		cadence: ['daily']
	},
	{
		id: 'review-usage-behavior',
		title: 'Study usage behavior',
		detail:
			'Use product analytics to find the important workflows where people get stuck or give up.',
		source
	},
	{
		id: 'mine-support-tickets',
		title: 'Mine support tickets',
		detail:
			'Read tickets for failures that recur and for the words customers use to describe them.',
		source
	},
	{
		id: 'track-market',
		title: 'Track the market',
		detail:
			'Follow shifts in buyer expectations, adjacent products and technology that could change what we should build.',
		source
	},
	{
		id: 'research-competitors',
		title: 'Research competitors',
		detail:
			'Study what competitors and neighboring tools do, and where customer jobs are still left unserved.',
		source,
		alsoIn: ['day-to-day'],
		cadence: ['monthly']
	},
	{
		id: 'find-root-problem',
		title: 'Find the need behind requests',
		detail:
			'Treat each feature request as a partial problem statement and dig until the underlying cause is clear.',
		source
	},
	{
		id: 'synthesize-customer-needs',
		title: 'Synthesize customer needs',
		detail:
			'Pull together what support, sales and research heard and rank the needs that keep coming up.',
		source,
		cadence: ['weekly']
	},
	{
		id: 'watch-product-signals',
		title: 'Check product signals',
		detail:
			'Scan dashboards, usage changes and overnight escalations for anything that needs action today.',
		source,
		cadence: ['daily']
	},
	{
		id: 'run-request-intake',
		title: 'Run request intake',
		detail:
			'Give every incoming request one way in, with customer, usage and revenue context attached so asks can be compared.',
		source
	},
	{
		id: 'prioritize-work',
		title: 'Prioritize the work',
		detail:
			'Weigh value to customers and the business against effort, dependencies, risk and timing to decide what comes next.',
		source,
		alsoIn: ['day-to-day'],
		seniority: ['pm']
	},
	{
		id: 'own-roadmap',
		title: 'Own the roadmap',
		detail:
			'Keep the roadmap as a record of decisions and sequencing, and check each month that upcoming bets still fit the evidence.',
		source,
		alsoIn: ['day-to-day'],
		cadence: ['monthly'],
		seniority: ['pm']
	},
	{
		id: 'refine-backlog',
		title: 'Refine the backlog',
		detail: 'Order the upcoming work and get the top items ready before the team plans.',
		source,
		cadence: ['weekly'],
		seniority: ['associate']
	},
	{
		id: 'plan-sprints',
		title: 'Plan the sprint',
		detail:
			'Agree with engineering and design what goes into the next iteration and confirm it still serves the roadmap.',
		source,
		cadence: ['weekly']
	},
	{
		id: 'manage-tradeoffs',
		title: 'Make trade-offs explicit',
		detail:
			'Say plainly what moves out when something moves in, so everyone sees the cost of each choice.',
		source,
		seniority: ['senior']
	},
	{
		id: 'close-the-loop-on-requests',
		title: 'Close the loop on requests',
		detail:
			'Tell sales and support promptly, with a reason they can repeat, when their ask is not going ahead.',
		source
	},
	{
		id: 'align-partners',
		title: 'Align cross-functional partners',
		detail:
			'Walk engineering, design, sales, support and leaders through a decision before the big meeting so nobody is surprised.',
		source,
		seniority: ['pm']
	},
	{
		id: 'define-requirements',
		title: 'Define scope and requirements',
		detail:
			'Spell out what is in, what is out and what done looks like, so engineering and design never build on guesses.',
		source,
		seniority: ['associate', 'pm']
	},
	{
		id: 'unblock-team',
		title: 'Unblock the team',
		detail:
			'Answer the questions holding up engineers and designers the same day, before work stalls.',
		source,
		cadence: ['daily']
	},
	{
		id: 'document-decisions',
		title: 'Keep a decision log',
		detail:
			'Write down each trade-off and the reasoning behind it so settled questions stay settled.',
		source,
		cadence: ['daily']
	},
	{
		id: 'review-delivery',
		title: 'Review work in progress',
		detail:
			'Walk through in-flight work with engineers and designers so risks come up before the sprint ends.',
		source,
		cadence: ['daily', 'weekly']
	},
	{
		id: 'define-success-metrics',
		title: 'Define success before launch',
		detail:
			'Set the target metric and early indicators for a change before it ships, so the result can be judged honestly.',
		source
	},
	{
		id: 'coordinate-launch',
		title: 'Coordinate go-to-market',
		detail:
			'Work with marketing, sales and support on positioning, enablement and timing so a release lands well.',
		source,
		cadence: ['weekly', 'monthly']
	},
	{
		id: 'measure-outcomes',
		title: 'Measure outcomes after launch',
		detail:
			'After a release, check whether usage, retention or growth really changed, and adjust the plan to match.',
		source,
		cadence: ['monthly']
	},
	{
		id: 'update-stakeholders',
		title: 'Update leaders and partners',
		detail:
			'Keep leaders and partner teams current on progress, roadblocks and the trade-offs behind the dates.',
		source,
		cadence: ['weekly']
	},
	{
		id: 'weigh-platform-health',
		title: 'Weigh platform health against features',
		detail:
			'Give technical debt and platform upkeep a fair hearing next to new features whenever the team plans.',
		source,
		cadence: ['monthly']
	},
	{
		id: 'mentor-pms',
		title: 'Mentor and coach PMs',
		detail:
			'Grow newer product managers through feedback, pairing on hard calls and sharing context.',
		source,
		seniority: ['senior', 'group']
	},
	{
		id: 'raise-decision-quality',
		title: 'Improve how the team decides',
		detail:
			'Make the evidence, options and reasoning behind calls visible so choices get better over time.',
		source,
		seniority: ['senior']
	},
	{
		id: 'review-product-health',
		title: 'Review product-health KPIs',
		detail:
			'Check adoption, retention and reliability figures on a set rhythm and act on what moves.',
		source,
		cadence: ['monthly']
	}
];
