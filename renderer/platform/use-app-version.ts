import { useEffect, useState } from 'react';
import { desktopShell } from './shell';

// The desktop shell knows the installed version; a browser has the one it was built with.
export const useAppVersion = (): string | undefined => {
  const shell = desktopShell();
  const [version, setVersion] = useState<string | undefined>(shell ? undefined : __APP_VERSION__);
  useEffect(() => {
    if (!shell) return;
    let live = true;
    shell
      .getVersion()
      .then((v) => live && setVersion(v))
      .catch(() => live && setVersion(__APP_VERSION__));
    return () => {
      live = false;
    };
  }, [shell]);
  return version;
};
