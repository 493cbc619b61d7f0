import type { z } from 'zod';
import { describeIssues } from '../../shared/describe-issues';
import { SHELL_CHANNELS, type ShellMethod } from '../../shared/ipc/channels';
import { SHELL_ARGS } from '../../shared/ipc/shell-api';
import { untrustedSenderReason, type SenderFrame } from './trusted-sender';

export type ShellHandlers = {
  [M in ShellMethod]: (...args: z.infer<(typeof SHELL_ARGS)[M]>) => Promise<unknown>;
};

export interface InvokeEvent {
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

// Every handler first checks who is calling and what it passed; a refusal is an Error whose
// message says why, which the renderer's invoke() rejects with.
export const guardedHandler =
  <M extends ShellMethod>(method: M, run: ShellHandlers[M]) =>
  async (event: InvokeEvent, ...args: unknown[]): Promise<unknown> => {
    const untrusted = untrustedSenderReason(event.senderFrame);
    if (untrusted) throw new Error(`Refused ${method}: ${untrusted}.`);
    const parsed = SHELL_ARGS[method].safeParse(args);
    if (!parsed.success) throw new Error(`Refused ${method}: ${describeIssues(parsed.error)}.`);
    return (run as (...a: unknown[]) => Promise<unknown>)(...(parsed.data as unknown[]));
  };

export const registerShellIpc = (ipcMain: IpcMainLike, handlers: ShellHandlers): void => {
  for (const method of Object.keys(SHELL_CHANNELS) as ShellMethod[]) {
    ipcMain.handle(SHELL_CHANNELS[method], guardedHandler(method, handlers[method]));
  }
};
