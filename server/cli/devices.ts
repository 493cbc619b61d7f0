// npm run devices -- add NAME | list   (with --data DIR or DATABASE_URL, like the server)
import path from 'node:path';
import { createDevice } from '../auth/devices';
import { systemClock } from '../clock';
import { openDatabase } from '../db/open';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const dataDir = dataAt >= 0 ? args.splice(dataAt, 2)[1] : process.env.FILLWAVE_DATA;
const [command, ...rest] = args;

const usage = () => {
  console.error('usage: npm run devices -- add NAME [--data DIR] | list [--data DIR]');
  process.exit(1);
};

if (command !== 'add' && command !== 'list') usage();
if (command === 'add' && rest.join(' ').trim() === '') usage();

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || null,
  dataDir: path.resolve(dataDir ?? '.fillwave-data'),
  attach: true,
});
try {
  if (command === 'add') {
    const { device, token, epoch } = await createDevice(db, rest.join(' ').trim(), systemClock);
    // Printed once for the person enrolling the device; it is stored only as a hash.
    console.log(`device ${device.id} (${device.name})\ntoken: ${token}\nepoch: ${epoch}`);
  } else {
    const rows = await db.query<{ id: string; name: string; revoked: boolean }>(
      'SELECT id, name, revoked_at IS NOT NULL AS revoked FROM devices ORDER BY created_at, id',
    );
    for (const r of rows) console.log(`${r.id}  ${r.name}${r.revoked ? '  (revoked)' : ''}`);
  }
} finally {
  await db.close();
}
