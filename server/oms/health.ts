import type { OmsRunner } from './runner';

// What GET /api/v1/health says of the OMS connector: reachable at its last round, when it last
// imported and exported, and how many logged events it has not looked at yet (its lag). No error
// text: health answers anyone, and the OMS's words can name orders (a lead sees them in Sync
// problems).
export interface OmsHealth {
  connector: string;
  connected: boolean;
  stockOwner: string | null;
  lastImportAt: string | null;
  lastExportAt: string | null;
  lag: number | null;
  failing: boolean;
}

export const omsHealth = async (runner: OmsRunner): Promise<OmsHealth> => {
  const none = {
    connector: runner.name,
    connected: false,
    stockOwner: null,
    lastImportAt: null,
    lastExportAt: null,
    lag: null,
    failing: false,
  };
  // Health never fails: a state it cannot read is a connector not connected.
  const state = await runner.state().catch(() => null);
  if (!state) return none;
  return {
    connector: state.connector,
    connected: state.connected,
    stockOwner: state.stockOwner,
    lastImportAt: state.lastImportAt,
    lastExportAt: state.lastExportAt,
    lag: state.lag,
    failing: state.lastError !== null,
  };
};
