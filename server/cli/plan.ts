// npm run plan -- route|allocate|waves|batch < input.json: the planning engines from scripts,
// JSON in and out (docs/planning.md). Bad input exits 1 with a message naming the field.
import type { z } from 'zod';
import { allocate } from '../../shared/engines/allocation/allocate';
import {
  AllocateInputSchema,
  BatchInputSchema,
  firstRepeat,
  linesFrom,
  siteFrom,
  skusFrom,
  stockFrom,
  WavesInputSchema,
  type WavesInput,
} from '../../shared/engines/plan/plan-input';
import { planWaves } from '../../shared/engines/plan/plan-waves';
import { route } from '../../shared/engines/routing/route';
import { RouteInputSchema } from '../../shared/engines/routing/route-input';
import { buildWaves } from '../../shared/engines/waves/build-waves';
import { fail, ok, type Result } from '../../shared/result';

const metres = (m: number) => Math.round(m * 1e6) / 1e6;

// Zod's problems, each with the record's id when the path runs through a list of records.
const describe = (error: z.ZodError, json: unknown): string =>
  error.issues
    .map((issue) => {
      const path = issue.path.map(String);
      let where = path.length ? path.join('.') : 'value';
      if (path.length >= 2 && /^\d+$/.test(path[1]!)) {
        const record = (json as Record<string, unknown[]>)[path[0]!]?.[Number(path[1])];
        const id =
          (record as { id?: unknown; backorderLineId?: unknown } | undefined)?.id ??
          (record as { backorderLineId?: unknown } | undefined)?.backorderLineId;
        if (typeof id === 'string')
          where = [`${path[0]}.${path[1]} (${id})`, ...path.slice(2)].join('.');
      }
      return `${where}: ${issue.message}`;
    })
    .join('; ');

const routeCommand = (json: unknown): Result<unknown> => {
  const input = RouteInputSchema.safeParse(json);
  if (!input.success) return fail(describe(input.error, json));
  const { picks, method } = input.data;
  const site = siteFrom({
    layout: input.data.layout,
    locations: picks.map((p) => ({ ...p, zone: 'all', countRequired: false })),
  });
  if (!site.ok) return fail(site.reason.replace(/^locations\.(\d+) \([^)]*\)/, 'picks.$1'));
  const repeat = firstRepeat(
    'picks',
    picks.map((p) => p.id),
  );
  if (repeat) return fail(repeat);
  const routed = route(
    site.value.warehouse,
    picks.map((p) => ({ id: p.id, aisle: p.aisle, positionM: p.position })),
    method,
  );
  if (!routed.ok) return routed;
  return ok({ order: routed.value.order, length: metres(routed.value.lengthM) });
};

const allocateCommand = (json: unknown): Result<unknown> => {
  const input = AllocateInputSchema.safeParse(json);
  if (!input.success) return fail(describe(input.error, json));
  const site = siteFrom(input.data);
  if (!site.ok) return site;
  const repeat =
    firstRepeat(
      'lines',
      input.data.lines.map((l) => l.id),
    ) ??
    firstRepeat(
      'stock',
      input.data.stock.map((s) => `${s.locationId}|${s.skuId}`),
    );
  if (repeat) return fail(repeat);
  return allocate({
    ...site.value,
    lines: linesFrom(input.data.lines),
    stock: stockFrom(input.data.stock),
    rules: input.data.rules,
  });
};

const waveInput = (data: WavesInput) => {
  const site = siteFrom(data);
  if (!site.ok) return site;
  const repeat =
    firstRepeat(
      'lines',
      data.lines.map((l) => l.id),
    ) ??
    firstRepeat(
      'skus',
      data.skus.map((s) => s.id),
    );
  if (repeat) return fail(repeat);
  return ok({
    ...site.value,
    lines: linesFrom(data.lines),
    skus: skusFrom(data.skus),
    fillList: data.fillList,
    template: data.template,
    rules: data.rules,
  });
};

const wavesCommand = (json: unknown): Result<unknown> => {
  const input = WavesInputSchema.safeParse(json);
  if (!input.success) return fail(describe(input.error, json));
  const prepared = waveInput(input.data);
  if (!prepared.ok) return prepared;
  const built = buildWaves(prepared.value);
  if (!built.ok) return built;
  return ok({
    waves: built.value.waves.map((w) => ({
      cutoffAt: w.cutoffAt,
      orders: w.orders.map((o) => o.orderId),
      lines: w.orders.flatMap((o) => o.lines.map((l) => l.backorderLineId)),
      units: w.units,
      weightKg: metres(w.weightKg),
      volumeL: metres(w.volumeL),
    })),
    left: built.value.left,
  });
};

const batchCommand = (json: unknown): Result<unknown> => {
  const input = BatchInputSchema.safeParse(json);
  if (!input.success) return fail(describe(input.error, json));
  const prepared = waveInput(input.data);
  if (!prepared.ok) return prepared;
  const plan = planWaves({
    ...prepared.value,
    cart: input.data.cart,
    batchMethod: input.data.method,
    routeMethod: input.data.route,
  });
  if (!plan.ok) return plan;
  return ok({
    waves: plan.value.waves.map((w) => ({
      cutoffAt: w.cutoffAt,
      orders: w.orders,
      lines: w.lines,
      units: w.units,
      routeLength: metres(w.routeLengthM),
      tours: w.tours.map((t) => ({
        totes: t.totes,
        tasks: t.tasks,
        units: t.units,
        weightKg: metres(t.weightKg),
        routeLength: metres(t.routeLengthM),
      })),
    })),
    left: plan.value.left,
    routeLength: metres(plan.value.waves.reduce((s, w) => s + w.routeLengthM, 0)),
  });
};

const COMMANDS: Record<string, (json: unknown) => Result<unknown>> = {
  route: routeCommand,
  allocate: allocateCommand,
  waves: wavesCommand,
  batch: batchCommand,
};

function die(line: string): never {
  console.error(`plan: ${line}`);
  process.exit(1);
}

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const [command] = process.argv.slice(2);
const run = command && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
if (!run)
  die(
    `${command ? `"${command}" is not a command; ` : ''}usage: npm run plan -- route|allocate|waves|batch < input.json`,
  );
let json: unknown;
try {
  json = JSON.parse(await readStdin());
} catch {
  die('the input is not JSON');
}
const result = run(json);
if (!result.ok) die(result.reason);
console.log(JSON.stringify(result.value));
