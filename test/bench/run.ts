// npm run bench [-- PATTERN]: runs each group in test/bench/*.bench.ts, prints a table and writes
// bench-results/<group>.json as an array of { name, value, unit, baseline?, ratio? }.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, selectBenches, withRatio, type BenchGroup, type Figure } from './harness';

const dir = path.dirname(new URL(import.meta.url).pathname);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const groups: BenchGroup[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchGroup };
  groups.push(mod.default);
}

const pattern = process.argv[2];
const selected = selectBenches(groups, pattern);
if (selected.length === 0) {
  console.error(`no benchmark name contains "${pattern}"`);
  process.exit(1);
}

mkdirSync('bench-results', { recursive: true });
for (const group of selected) {
  const figures: Figure[] = [];
  for (const bench of group.benches) {
    for (const figure of await bench.run()) {
      figures.push(withRatio({ ...figure, name: `${group.group}.${figure.name}` }));
    }
  }
  const out = path.join('bench-results', `${group.group}.json`);
  writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
  console.log(`\n${group.group} (${out})\n${formatTable(figures)}`);
}
