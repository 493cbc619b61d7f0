// npm run plan -- route < input.json: the planning engines from scripts, JSON in and out
// (docs/planning.md). Bad input exits 1 with a message naming the field.
import { describeIssues } from '../../shared/describe-issues';
import { checkWarehouse, type Warehouse } from '../../shared/engines/layout/warehouse';
import { route } from '../../shared/engines/routing/route';
import { RouteInputSchema } from '../../shared/engines/routing/route-input';

const [command] = process.argv.slice(2);

function die(line: string): never {
  console.error(`plan: ${line}`);
  process.exit(1);
}

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

if (command !== 'route')
  die(
    command
      ? `"${command}" is not built yet; route is (see docs/planning.md)`
      : 'usage: npm run plan -- route < input.json',
  );

let json: unknown;
try {
  json = JSON.parse(await readStdin());
} catch {
  die('the input is not JSON');
}
const input = RouteInputSchema.safeParse(json);
if (!input.success) die(describeIssues(input.error));
const { layout, picks, method } = input.data;
const warehouse: Warehouse = {
  aisles: layout.aisles,
  aisleLengthM: layout.aisleLength,
  aisleSpacingM: layout.aisleSpacing,
  crossAislesM: layout.crossAisles,
  depot: { aisle: layout.depot.aisle, positionM: layout.depot.position },
};
const problem = checkWarehouse(warehouse);
if (problem) die(`layout.${problem}`);
picks.forEach((p, i) => {
  if (p.aisle >= layout.aisles)
    die(`picks.${i}.aisle: ${p.aisle} is not an aisle (0 to ${layout.aisles - 1})`);
  if (p.position > layout.aisleLength)
    die(`picks.${i}.position: ${p.position} is beyond the aisle length ${layout.aisleLength}`);
});
const ids = new Set<string>();
picks.forEach((p, i) => {
  if (ids.has(p.id)) die(`picks.${i}.id: "${p.id}" is used twice`);
  ids.add(p.id);
});
const routed = route(
  warehouse,
  picks.map((p) => ({ id: p.id, aisle: p.aisle, positionM: p.position })),
  method,
);
if (!routed.ok) die(routed.reason);
console.log(
  JSON.stringify({
    order: routed.value.order,
    length: Math.round(routed.value.lengthM * 1e6) / 1e6,
  }),
);
