import { FillwaveDb } from './fillwave-db';

// The one database of this page. Tests make their own FillwaveDb with a name of their own.
export const db = new FillwaveDb();
