import { defineTemplate } from './define-template.ts';

export const CORE_FUNCTIONS = defineTemplate({
	id: 'core-functions',
	name: 'The three core functions',
	description:
		'The role as three functions: building something customers value, getting it to them, and finding where that value can grow next.',
	sections: {
		'Creating customer value': [
			'research-customers',
			'choose-problems-worth-solving',
			'partner-with-eng-design',
			'shape-product-strategy',
			'drive-execution'
		],
		'Delivering customer value': [
			'coordinate-launch',
			'advocate-for-customers',
			'design-customer-journey',
			'build-gtm-into-product',
			'align-with-brand-and-business',
			'enable-sales-support'
		],
		'Evolving customer value': [
			'run-learning-loops',
			'track-market',
			'find-adjacent-opportunities',
			'anticipate-needs',
			'collect-new-ideas',
			'choose-portfolio-bets'
		]
	}
});
