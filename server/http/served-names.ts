import { X509Certificate } from 'node:crypto';

// The loopback names every server answers to: this machine, whatever else it serves.
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

// A hostname as the guard compares it: lower case, no trailing dot, IPv6 in brackets and
// compressed. Null when the text is no hostname at all.
export const normalizeHostname = (name: string): string | null => {
  const text = name.trim();
  if (!/^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*)$/.test(text))
    return null;
  // A bare IPv6 address (from a certificate or a flag) gets its brackets.
  const bracketed = text.includes(':') && !text.startsWith('[') ? `[${text}]` : text;
  try {
    const hostname = new URL(`http://${bracketed}/`).hostname;
    return hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
};

// The hostnames a certificate is valid for: its DNS and IP subjectAltNames.
export const certificateNames = (certPem: string): string[] => {
  const sans = new X509Certificate(certPem).subjectAltName ?? '';
  const names: string[] = [];
  for (const entry of sans.split(/,\s*/)) {
    const match = /^(DNS|IP Address):(.+)$/.exec(entry.trim());
    if (!match) continue;
    const wildcard = match[2]!.startsWith('*.');
    const name = normalizeHostname(wildcard ? match[2]!.slice(2) : match[2]!);
    if (name) names.push(wildcard ? `*.${name}` : name);
  }
  return names;
};

// Every name this server answers to. A wildcard certificate name (*.example) matches one label.
export const servedNames = (input: { publicNames: readonly string[]; certPem?: string }) => {
  const names = new Set<string>(LOOPBACK_NAMES);
  for (const name of input.publicNames) {
    const normal = normalizeHostname(name);
    if (normal) names.add(normal);
  }
  if (input.certPem) for (const name of certificateNames(input.certPem)) names.add(name);
  return names;
};

export const isServedName = (names: ReadonlySet<string>, hostname: string): boolean => {
  if (names.has(hostname)) return true;
  const dot = hostname.indexOf('.');
  return dot > 0 && names.has(`*${hostname.slice(dot)}`);
};
