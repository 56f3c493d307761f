import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** An axe-core audit's serious and critical findings, each with its rule and first elements. */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map(
			(violation) =>
				`${where}: ${violation.id} (${violation.impact}) at ${violation.nodes
					.slice(0, 3)
					.map((node) => node.target.join(' '))
					.join(', ')}`
		);
}
