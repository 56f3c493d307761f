import { defineTemplate } from './define-template.ts';

// The article gives a flat list; the grouping is ours, so a team can see at a glance which kinds
// of work have crept onto the role.
export const EVERYTHING_PMS_DO = defineTemplate({
	id: 'everything-pms-do',
	name: 'Everything PMs end up doing',
	description:
		'The long list of jobs that tend to land on a PM in practice, for finding out which of them really belong to the role.',
	sections: {
		'Customers & market': [
			'research-customers',
			'talk-to-customers',
			'teach-problem-framing',
			'choose-problems-worth-solving',
			'find-product-market-fit',
			'track-market',
			'research-competitors',
			'run-beta-programs'
		],
		'Planning & coordination': [
			'prioritize-work',
			'manage-project',
			'manage-program',
			'defend-projects-to-execs',
			'liaise-with-customer-teams',
			'flag-team-issues',
			'own-in-between-work',
			'run-product-operations'
		],
		'Enablement & content': [
			'write-content',
			'enable-sales-support',
			'onboard-new-sales-reps',
			'represent-at-events'
		],
		'Hands-on building': ['build-prototypes', 'test-before-release']
	}
});
