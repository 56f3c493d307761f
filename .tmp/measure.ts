import * as Y from 'yjs';
import { seedBoard, placeCard, setCell, getNoteText, setDissent } from '../src/lib/board/index.ts';
import { ContentPolicy } from '../server/workshop/content-policy.ts';
import { DEFAULT_CONTENT_LIMITS } from '../src/lib/board/content.ts';
const actor = { id: 'u1', name: 'Ana' };
const live = new Y.Doc();
const roles = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, name: `Role ${i}`, label: `R${i}`, color: '#123456' }));
const cards = Array.from({ length: Number(process.env.ROWS ?? 60) }, (_, i) => ({ id: `c${i}`, title: `Card ${i}`, detail: 'Some detail about this responsibility.', category: 'Cat', source: 'tpl' }));
seedBoard(live, { roles, cards });
for (const c of cards) { placeCard(live, null, actor, c.id); for (const r of roles.slice(0, 4)) setCell(live, null, actor, c.id, r.id, 'R'); getNoteText(live, c.id).insert(0, 'note '.repeat(20)); }
console.log('doc bytes', Y.encodeStateAsUpdate(live).length);
const peer = new Y.Doc(); Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
const updates: Uint8Array[] = [];
peer.on('update', (u: Uint8Array) => updates.push(u));
const letters = ['R','A','C','I'] as const;
for (let i = 0; i < 2000; i++) {
  const kind = i % 3;
  if (kind === 0) setCell(peer, null, actor, `c${i % Number(process.env.ROWS ?? 60)}`, `r${i % 10}`, letters[i % 4]);
  else if (kind === 1) getNoteText(peer, `c${i % Number(process.env.ROWS ?? 60)}`).insert(0, 'x');
  else setDissent(peer, null, actor, `c${i % Number(process.env.ROWS ?? 60)}`, `reason ${i}`);
}
const policy = new ContentPolicy(DEFAULT_CONTENT_LIMITS);
const writer = { ...actor, facilitator: false };
// check each update against live, then apply it (as the room does)
const checkT: number[] = []; const applyT: number[] = [];
for (const u of updates) {
  const t0 = performance.now(); const r = policy.check('board', live, u, writer); const t1 = performance.now();
  if (r) throw new Error(r);
  Y.applyUpdate(live, u); const t2 = performance.now();
  checkT.push((t1 - t0) * 1000); applyT.push((t2 - t1) * 1000);
}
const pct = (a: number[], p: number) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(p * (s.length - 1))].toFixed(1); };
console.log('updates', updates.length, 'mean bytes', (updates.reduce((s, u) => s + u.length, 0) / updates.length).toFixed(0));
console.log('check µs p50', pct(checkT, .5), 'p99', pct(checkT, .99), '| apply µs p50', pct(applyT, .5), 'p99', pct(applyT, .99));
