import { fail, ok, type Result } from '../../shared/result';
import type { StockOwner } from './connector';
import type { VendureAuth } from './vendure/client';

// `--oms vendure --oms-url URL [--stock-owner oms|fillwave]`, with the OMS's credentials from the
// environment only (never an argument: arguments show in the process list).
export interface OmsConfig {
  kind: 'vendure';
  url: string;
  auth: VendureAuth;
  stockOwner: StockOwner;
}

export const OMS_FLAGS = ['oms', 'oms-url', 'stock-owner'] as const;

const CONNECTORS = ['vendure'] as const;

export const parseOmsConfig = (
  values: Partial<Record<(typeof OMS_FLAGS)[number], string>>,
  env: Record<string, string | undefined>,
): Result<OmsConfig | null> => {
  const kind = values.oms;
  if (kind === undefined) {
    if (values['oms-url'] !== undefined || values['stock-owner'] !== undefined)
      return fail('--oms-url and --stock-owner need --oms (the OMS to connect to: vendure)');
    return ok(null);
  }
  if (!(CONNECTORS as readonly string[]).includes(kind))
    return fail(
      `--oms "${kind}" is not an OMS Fillwave connects to; it knows: ${CONNECTORS.join(', ')}`,
    );
  const urlText = values['oms-url'];
  if (!urlText)
    return fail(
      '--oms vendure needs --oms-url: the Admin API address, such as http://shop:3000/admin-api',
    );
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return fail(
      `--oms-url "${urlText}" is not an address; give one such as http://shop:3000/admin-api`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(`--oms-url "${urlText}" must start with http:// or https://`);
  const stockOwner = values['stock-owner'] ?? 'fillwave';
  if (stockOwner !== 'oms' && stockOwner !== 'fillwave')
    return fail(
      `--stock-owner "${stockOwner}" must be oms or fillwave (who keeps the stock figures)`,
    );
  const token = env.FILLWAVE_OMS_TOKEN;
  const username = env.FILLWAVE_OMS_USER;
  const password = env.FILLWAVE_OMS_PASSWORD;
  let auth: VendureAuth;
  if (token) auth = { token };
  else if (username && password) auth = { username, password };
  else
    return fail(
      '--oms vendure needs credentials in the environment: FILLWAVE_OMS_USER and FILLWAVE_OMS_PASSWORD (a Vendure administrator), or FILLWAVE_OMS_TOKEN',
    );
  return ok({ kind: 'vendure', url: url.href, auth, stockOwner });
};
