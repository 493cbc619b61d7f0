import { isAppUrl } from '../navigation';

// Only the app's own top-level page may call the shell: not an iframe, not a page that got
// into the window some other way.
export interface SenderFrame {
  url: string;
  parent?: unknown;
}

export const untrustedSenderReason = (frame: SenderFrame | null | undefined): string | null => {
  if (!frame) return 'the calling frame is gone';
  if (frame.parent) return `the call came from a sub-frame (${frame.url})`;
  if (!isAppUrl(frame.url))
    return `the call came from ${frame.url || 'an unknown page'}, not the Fillwave app`;
  return null;
};
