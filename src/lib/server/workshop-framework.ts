import * as Y from 'yjs';
import { frameworkOf, type Framework, type FrameworkId } from '#lib/board/index.ts';
import { FRAMEWORK, getMetaMap } from '#lib/board/schema.ts';
import { docName } from '#lib/contracts/sync.ts';

/**
 * The responsibility matrix a workshop uses. The workshop row has it for every workshop created
 * since it was stored there; older ones have only their board, whose meta the server wrote once
 * at creation and never changes, so only those pay for loading their board to read it.
 */
export async function workshopFramework(
	store: App.Locals['app']['store'],
	workshop: { id: string; framework: FrameworkId | null }
): Promise<Framework> {
	if (workshop.framework) return frameworkOf(workshop.framework);
	const stored = await store.docs.load(docName(workshop.id, 'board'));
	if (stored.updates.length === 0) return frameworkOf(null);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.mergeUpdates(stored.updates));
	const framework = frameworkOf(getMetaMap(doc).get(FRAMEWORK));
	doc.destroy();
	return framework;
}
