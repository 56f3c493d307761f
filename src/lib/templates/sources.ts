import type { Source } from './types.ts';

// Only the first article has front matter. The others name their author in the text, or carry no
// byline at all, in which case the site that published them stands in as the author.
export const SOURCES: Source[] = [
	{
		id: 'many-things',
		title: 'Product Managers end up doing a lot of different things',
		author: 'Matt Bernier'
	},
	{
		id: 'day-to-day',
		title: 'What Does A Product Manager Do? 8 Day To Day Roles & Tasks',
		author: 'The Product Manager'
	},
	{
		id: 'product-school',
		title: 'What Does A Product Manager Do?',
		author: 'Ellen Merryweather (Product School)'
	},
	{
		id: 'definitive-guide',
		title: 'Product Manager Responsibilities: The Definitive Guide',
		author: 'SigOS'
	},
	{
		id: 'three-core',
		title: 'The Three Core Things A Product Manager Does',
		author: 'Ezinne, with Oji and Ted'
	}
];
