// The bench harness's pure parts: figures, ratios, selection and the printed table.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  // The same measure of a reference, taken in the same run, so machines and noise cancel out.
  baseline?: number;
  ratio?: number;
}

export interface Bench {
  name: string;
  run(): Promise<Figure[]>;
}

export interface BenchGroup {
  group: string;
  benches: Bench[];
}

const round = (n: number) => Number(n.toPrecision(4));

export const withRatio = (figure: Figure): Figure =>
  figure.baseline !== undefined && figure.baseline > 0
    ? {
        ...figure,
        value: round(figure.value),
        baseline: round(figure.baseline),
        ratio: round(figure.value / figure.baseline),
      }
    : { ...figure, value: round(figure.value) };

// `npm run bench -- PATTERN` runs the benches whose full name contains PATTERN.
export const selectBenches = (groups: BenchGroup[], pattern: string | undefined): BenchGroup[] =>
  groups
    .map((g) => ({
      group: g.group,
      benches: g.benches.filter((b) => !pattern || `${g.group}.${b.name}`.includes(pattern)),
    }))
    .filter((g) => g.benches.length > 0);

export const formatTable = (figures: Figure[]): string => {
  const rows = [
    ['name', 'value', 'unit', 'baseline', 'ratio'],
    ...figures.map((f) => [
      f.name,
      String(f.value),
      f.unit,
      f.baseline === undefined ? '' : String(f.baseline),
      f.ratio === undefined ? '' : String(f.ratio),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

// Throughput over a fixed amount of work: count / seconds.
export const perSecond = (count: number, ms: number): number =>
  (count * 1000) / Math.max(ms, 0.001);
