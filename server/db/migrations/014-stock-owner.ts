// One owner of stock per site (docs/oms.md): the floor settings row says who keeps the stock
// figures, so every device's rules refuse a receipt or a count when the OMS does. Written by the
// OMS connector's `oms.stock-owner-set`; Fillwave's until then.
export const sql = /* sql */ `
ALTER TABLE floor_settings ADD COLUMN stock_owner text NOT NULL DEFAULT 'fillwave'
  CHECK (stock_owner IN ('fillwave', 'oms'));
ALTER TABLE floor_settings ADD COLUMN oms_name text;
`;
