// "Did you mean …?" for a mistyped name: the closest known name (same letters in another case, or one or two
// edits away), else a short list of the known names. Pure TypeScript.

export function hint(name: string, names: Iterable<string>): string {
  const all = [...names];
  const close = closestName(name, all);
  if (close) return `; did you mean '${close}'?`;
  const list = all.slice(0, 15);
  return list.length ? `; known: ${list.join(', ')}` : '';
}

export function closestName(name: string, names: readonly string[]): string | undefined {
  // two edits in a short name are a different word ('nope' is not 'name')
  const allowed = name.length <= 4 ? 1 : 2;
  return names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? names.find((n) => editDistance(n, name) <= allowed);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
