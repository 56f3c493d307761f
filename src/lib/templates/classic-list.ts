import { defineTemplate } from './define-template.ts';

// Grouped by the four parts of the role the job-description article names.
export const CLASSIC_LIST = defineTemplate({
	id: 'classic-list',
	name: 'The classic responsibilities list',
	description:
		'The job-description view of the role: product specialist, business specialist, team leader and operator.',
	sections: {
		'Product specialist': [
			'know-domain',
			'talk-to-customers',
			'synthesize-customer-needs',
			'advocate-for-customers',
			'write-market-requirements'
		],
		'Business specialist': [
			'communicate-vision',
			'shape-product-strategy',
			'own-roadmap',
			'translate-business-goals',
			'build-business-cases',
			'own-product-profitability'
		],
		'Team leader': [
			'align-partners',
			'build-and-support-team',
			'run-team-meetings',
			'update-stakeholders',
			'mentor-pms'
		],
		Operations: [
			'drive-execution',
			'manage-project',
			'run-beta-programs',
			'test-before-release',
			'measure-outcomes',
			'produce-product-docs',
			'work-with-vendors',
			'plan-release-course',
			'run-product-operations',
			'review-product-health'
		]
	}
});
