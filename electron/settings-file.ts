import fs from 'node:fs/promises';
import path from 'node:path';
import type { SettingsFiles } from './settings-store';

export const settingsFile = (file: string): SettingsFiles => ({
  read: async () => {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  write: async (text) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    await fs.writeFile(aside, text, { mode: 0o600 });
    await fs.rename(aside, file);
  },
});
