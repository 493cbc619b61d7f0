import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { hashPin } from '../../../server/auth/pin-hash';
import { FIELD_LIMITS } from '../../../shared/field-limits';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import { enrollLocally, renderAt } from '../fixtures';

// The text and number boxes on screen now: each must carry the limit of the schema it feeds.
const boxes = () =>
  [...document.querySelectorAll('input')].filter(
    (i) => !['checkbox', 'radio', 'hidden'].includes(i.type),
  );

const unlimited = () =>
  boxes()
    .filter((i) => !(i.maxLength > 0))
    .map((i) => i.closest('label')?.textContent?.trim() || i.id || i.outerHTML);

const desktopShell = (): ShellApi => ({
  getVersion: async () => '1.0.0',
  getSettings: async () => ({ serverUrl: null, deviceToken: null }),
  updateSettings: async () => ({ ok: false, reason: 'unused' }),
  credentialStorage: async () => 'keyring' as const,
  print: async () => ({ ok: false, reason: 'unused' }),
});

describe('form fields carry their limits', () => {
  afterEach(() => {
    delete (window as { fillwave?: ShellApi }).fillwave;
  });

  it('stops a 10,000-character badge at the field, and says in words that no one has it', async () => {
    await enrollLocally();
    await db.operators.put({
      id: 'op-lee',
      badge: 'LE001',
      name: 'Lee Lead',
      role: 'lead',
      active: true,
      ...hashPin('2468', 'cd'.repeat(16), 1000),
    });
    const user = userEvent.setup();
    renderAt('/sign-in');
    const badge = await screen.findByLabelText<HTMLInputElement>('Badge');
    await user.click(badge);
    await user.paste('B'.repeat(10_000));
    expect(badge.value).toHaveLength(FIELD_LIMITS.badge);
    const pin = screen.getByLabelText<HTMLInputElement>('PIN');
    await user.click(pin);
    await user.paste('1'.repeat(10_000));
    expect(pin.value).toHaveLength(FIELD_LIMITS.pinDigits);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const said = (await screen.findByRole('alert')).textContent ?? '';
    expect(said).toContain('No operator with badge');
    // What the person typed is echoed no longer than the field let them type it.
    expect(said.length).toBeLessThan(FIELD_LIMITS.badge + 200);
  });

  it('clears an old refusal once the form is changed or emptied', async () => {
    await enrollLocally();
    await db.operators.put({
      id: 'op-lee',
      badge: 'LE001',
      name: 'Lee Lead',
      role: 'lead',
      active: true,
      ...hashPin('2468', 'cd'.repeat(16), 1000),
    });
    const user = userEvent.setup();
    renderAt('/sign-in');
    await user.type(await screen.findByLabelText('Badge'), 'LE001');
    await user.type(screen.getByLabelText('PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong PIN.');
    // Emptied, the form cannot be sent (the fields are required), and the old refusal is gone.
    await user.clear(screen.getByLabelText('Badge'));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('gives every box on the setup, sign-in, queue, plan and receive screens its limit', async () => {
    window.fillwave = desktopShell();
    const setup = renderAt('/setup');
    await screen.findByLabelText(/Server address/);
    expect(screen.getByLabelText(/Server address/)).toHaveAttribute(
      'maxLength',
      String(FIELD_LIMITS.serverAddress),
    );
    expect(screen.getByLabelText(/Enrollment code/i)).toHaveAttribute(
      'maxLength',
      String(FIELD_LIMITS.enrollmentCode),
    );
    expect(unlimited()).toEqual([]);
    setup.unmount();

    await enrollLocally();
    const signIn = renderAt('/sign-in');
    await screen.findByLabelText('Badge');
    expect(unlimited()).toEqual([]);
    signIn.unmount();

    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
    const checked: string[] = [];
    for (const [path, ready] of [
      ['/queue', () => screen.findByLabelText('Reason for a hold')],
      ['/plan', () => screen.findByRole('form', { name: 'Wave template' })],
      ['/receive', () => screen.findByLabelText(/Location/)],
    ] as const) {
      const view = renderAt(path);
      await ready();
      expect({ path, unlimited: unlimited() }).toEqual({ path, unlimited: [] });
      checked.push(`${path}: ${boxes().length}`);
      view.unmount();
    }
    // Each screen had boxes to check: a screen that drew none would pass by saying nothing.
    expect(checked.every((c) => !c.endsWith(': 0'))).toBe(true);
    expect(screen.queryByLabelText('Reason for a hold')).toBeNull();
  });
});
