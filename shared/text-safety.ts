// Text PostgreSQL cannot hold (NUL) or that is not Unicode at all (half a surrogate pair, as
// JavaScript strings allow): refused at the edge, by the schemas, in a person's words.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const brokenTextProblem = (value: string): string | null => {
  if (value.includes('\u0000')) return 'contains a NUL character, which text cannot hold';
  if (LONE_SURROGATE.test(value))
    return 'is not valid text (it has half of a surrogate pair): send it as Unicode';
  return null;
};

// Text made safe to keep and show: broken characters replaced by U+FFFD, at most `max`
// characters (never cutting a pair in two). For refusal messages and payload prefixes.
export const storableText = (value: string, max: number): string => {
  const cut = value.length > max ? value.slice(0, max) : value;
  const whole = /[\ud800-\udbff]$/.test(cut) && value.length > max ? cut.slice(0, -1) : cut;
  return whole
    .replaceAll('\u0000', '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
};

// The first string or key anywhere in a parsed JSON value that is broken text, with its path
// ("lines.0.note"), or null. Walked with an explicit stack: no depth overflows it.
export const brokenTextIn = (value: unknown): { path: string; problem: string } | null => {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = brokenTextProblem(v);
      if (problem) return { path: path.join('.') || 'value', problem };
    } else if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push({ v: child, path: [...path, String(i)] }));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const problem = brokenTextProblem(key);
        if (problem)
          return { path: [...path, storableText(key, 40)].join('.'), problem: `a key ${problem}` };
        stack.push({ v: child, path: [...path, key] });
      }
    }
  }
  return null;
};
