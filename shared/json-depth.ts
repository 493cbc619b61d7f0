// How deep a parsed JSON value nests, walked with an explicit stack (never recursion), stopping
// as soon as it passes `limit`: a payload 5,000 levels deep is refused before anything
// recursive (hashing, canonical JSON, the database's JSON parser) sees it.
export const nestsDeeperThan = (value: unknown, limit: number): boolean => {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      stack.push({ v: child, depth: depth + 1 });
  }
  return false;
};
