// npm run admin as a person runs it, against a running server.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnUntilListening, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';

const ADMIN = 'cli-admin-token-0123456789abcdef';

describe('npm run admin', () => {
  let server: Running;
  beforeAll(async () => {
    server = await spawnUntilListening(
      'node',
      ['dist/server/main.mjs', '--port', '0', '--data', tempData(), '--demo', '20'],
      { env: { FILLWAVE_ADMIN_TOKEN: ADMIN } },
    );
  });
  afterAll(() => server?.stop());

  const admin = (args: string[], env: Record<string, string> = {}) =>
    spawnSync('node', ['dist/server/admin.mjs', ...args], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, FILLWAVE_URL: server.url, FILLWAVE_ADMIN_TOKEN: ADMIN, ...env },
    });

  it('issues an enrollment code a device can use', async () => {
    const run = admin(['enrollment-code', '--ttl', '5']);
    expect(run.status).toBe(0);
    const { code } = JSON.parse(run.stdout) as { code: string };
    const res = await fetch(`${server.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'cli device' }),
    });
    expect(res.status).toBe(201);
    expect(admin(['devices']).stdout).toContain('cli device');
  });

  it('issues a code for some roles, and after a revocation prints the PIN reset for each operator the device held', async () => {
    const issued = admin(['enrollment-code', '--roles', 'picker,packer']);
    expect(issued.status).toBe(0);
    const { code, roles } = JSON.parse(issued.stdout) as { code: string; roles: string[] };
    expect(roles).toEqual(['picker', 'packer']);
    const res = await fetch(`${server.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'pick handheld' }),
    });
    const { deviceId } = (await res.json()) as { deviceId: string };
    const forDevice = admin(['enrollment-code', '--device', deviceId]);
    expect(JSON.parse(forDevice.stdout)).toMatchObject({ deviceId, roles: ['picker', 'packer'] });

    const revoked = admin(['revoke', deviceId]);
    expect(revoked.status).toBe(0);
    // The demo's 8 pickers and 3 packers, not its leads.
    expect(revoked.stdout).toContain(
      'The device held the PIN records of 11 operator(s). Reset their PINs (each new PIN in FILLWAVE_PIN):',
    );
    expect(revoked.stdout).toMatch(
      /FILLWAVE_PIN=… npm run admin -- operator-pin op-picker-1 {3}# .+ \(picker 1\), badge PI001/,
    );
    expect(revoked.stdout).toContain('operator-pin op-packer-3');
    expect(revoked.stdout).not.toContain('op-lead-');
    expect(admin(['enrollment-code', '--roles', 'picker,boss']).stderr).toContain(
      '"boss" is not a role: use picker, lead, packer, comma-separated',
    );
  });

  it('adds an operator with the PIN from the environment, and receives stock', () => {
    const added = admin(
      ['operator-add', '--badge', 'CLI1', '--name', 'Cli Picker', '--role', 'picker'],
      { FILLWAVE_PIN: '8642' },
    );
    expect(added.status).toBe(0);
    expect(added.stdout).not.toContain('8642');
    expect(admin(['receive', 'A01-01L-0', 'SKU-00001', '5']).status).toBe(0);
  });

  it('says what was wrong, and exits 1', () => {
    const refused = admin(['receive', 'NOWHERE', 'SKU-00001', '5']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'refused (422): Stock cannot be received for SKU SKU-00001 at location NOWHERE',
    );
    expect(
      admin(['devices'], { FILLWAVE_ADMIN_TOKEN: 'wrong-token-wrong-token-wrong' }).stderr,
    ).toContain('refused (401)');
    expect(admin(['operator-pin', 'op-x'], { FILLWAVE_PIN: '' }).stderr).toMatch(
      /refused \(400\): PIN: pin: a PIN is 4 to 8 digits|set FILLWAVE_PIN/,
    );
    expect(admin(['frobnicate']).stderr).toContain('usage: npm run admin -- COMMAND');
  });

  it('cancels part of a line with --qty, and says why a cancellation cannot be done', () => {
    const done = admin(['cancel', 'SO-000001/1', '--reason', 'customer called', '--qty', '1']);
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ eventId: expect.any(String) });
    expect(admin(['cancel', 'SO-000001/1', '--reason', 'x', '--qty', 'two']).stderr).toContain(
      '"two" is not a whole quantity',
    );
    const tooMany = admin(['cancel', 'SO-000001/1', '--reason', 'again', '--qty', '100000']);
    expect(tooMany.status).toBe(1);
    expect(tooMany.stderr).toMatch(
      /refused \(422\): Line 1 of order SO-000001 (owes \d+; 100000 cannot be cancelled \(0 shipped, 1 cancelled before\)|is already cancelled)/,
    );
  });

  it("sets the warehouse's time zone, and refuses one it does not know", () => {
    expect(JSON.parse(admin(['time-zone']).stdout)).toEqual({ timeZone: 'UTC' });
    const set = admin(['time-zone', 'america/new_york']);
    expect(set.status).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ timeZone: 'America/New_York' });
    const wrong = admin(['time-zone', 'Mars/Olympus_Mons']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      'refused (400): time zone: timeZone: "Mars/Olympus_Mons" is not a time zone name this server knows',
    );
    expect(JSON.parse(admin(['time-zone']).stdout)).toEqual({ timeZone: 'America/New_York' });
  });
});
