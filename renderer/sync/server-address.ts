import { fail, ok, type Result } from '../../shared/result';

// The desktop app's server address as typed on the setup screen: an origin, or null for the
// server this station runs itself. The shell forwards the window's API calls there.
export const parseServerAddress = (text: string): Result<string | null> => {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail(`"${trimmed}" is not a server address; it looks like https://fillwave.lan:4780`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail('The server address must start with https:// (or http:// on this machine).');
  return ok(url.origin);
};
