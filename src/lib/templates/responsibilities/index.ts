import type { Responsibility } from '../types.ts';
import { DAY_TO_DAY } from './day-to-day.ts';
import { DEFINITIVE_GUIDE } from './definitive-guide.ts';
import { MANY_THINGS } from './many-things.ts';
import { PRODUCT_SCHOOL } from './product-school.ts';
import { THREE_CORE } from './three-core.ts';

/** Every responsibility in the catalog, each written once and filed by the article it comes from. */
export const RESPONSIBILITIES: Responsibility[] = [
	...MANY_THINGS,
	...DAY_TO_DAY,
	...PRODUCT_SCHOOL,
	...DEFINITIVE_GUIDE,
	...THREE_CORE
];
