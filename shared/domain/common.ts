import { z } from 'zod';

// Ids are opaque text chosen by whoever creates the record (the OMS, a device, an event).
export const IdSchema = z.string().min(1).max(200);
export const TimestampSchema = z.iso.datetime({ offset: true });
export const DateSchema = z.iso.date();
export const QuantitySchema = z.number().int().min(0);
export const PositiveQuantitySchema = z.number().int().min(1);
export const LengthMSchema = z.number().min(0).max(100_000);
