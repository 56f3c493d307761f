import { defineTemplate } from './define-template.ts';

export const FOUR_PILLARS = defineTemplate({
	id: 'four-pillars',
	name: 'The four pillars',
	description:
		'The role as four connected pillars, from choosing the problem to launching and measuring, with how often each task recurs and at which level it belongs.',
	sections: {
		'Vision & strategy': [
			'choose-problems-worth-solving',
			'define-ideal-customer',
			'shape-product-strategy',
			'communicate-vision',
			'set-value-metric',
			'choose-portfolio-bets',
			'align-multiple-teams',
			'prepare-leadership-decisions',
			'raise-decision-quality',
			'mentor-pms'
		],
		'Discovery & research': [
			'lead-discovery',
			'talk-to-customers',
			'review-usage-behavior',
			'mine-support-tickets',
			'find-root-problem',
			'synthesize-customer-needs',
			'watch-product-signals',
			'track-market',
			'research-competitors'
		],
		'Prioritization & roadmapping': [
			'run-request-intake',
			'prioritize-work',
			'own-roadmap',
			'refine-backlog',
			'plan-sprints',
			'manage-tradeoffs',
			'align-partners',
			'close-the-loop-on-requests',
			'weigh-platform-health'
		],
		'Execution & go-to-market': [
			'define-requirements',
			'unblock-team',
			'document-decisions',
			'review-delivery',
			'define-success-metrics',
			'coordinate-launch',
			'measure-outcomes',
			'update-stakeholders',
			'plan-release-course',
			'review-product-health'
		]
	}
});
