import { useEffect, useState } from 'react';
import type { CredentialStorage } from '../../shared/ipc/settings';
import { desktopShell } from './shell';

// How the desktop shell keeps the device token; null in a browser (IndexedDB, the origin's own)
// and until the shell answers.
export const useCredentialStorage = (): CredentialStorage | null => {
  const [storage, setStorage] = useState<CredentialStorage | null>(null);
  useEffect(() => {
    let live = true;
    void desktopShell()
      ?.credentialStorage()
      .then((s) => live && setStorage(s));
    return () => {
      live = false;
    };
  }, []);
  return storage;
};
