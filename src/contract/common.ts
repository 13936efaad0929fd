import * as z from 'zod/mini';
// What `z.iso.date()` / `z.iso.datetime()` do, without the `z.iso` namespace object: through it a
// bundler keeps all of zod's ISO schemas (time, duration and their regexes) in every host bundle.
import { _isoDate, _isoDateTime } from 'zod/v4/core';

/** Opaque identifier chosen by the host backend. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));
/** A calendar date, `YYYY-MM-DD`, in the company's time zone. */
export const IsoDate = _isoDate(z.ZodMiniISODate);
/** An instant, ISO 8601 with `Z` or an offset. */
export const IsoDateTime = _isoDateTime(z.ZodMiniISODateTime, { offset: true });
export const Count = z.int().check(z.minimum(0));

export const NamedRef = z.object({ id: Id, name: z.string() });
export type NamedRef = z.infer<typeof NamedRef>;

export const CostCenterShare = z.object({
  id: Id,
  name: z.string(),
  /** 0–100; the shares of one employee add up to 100 when the HR system says so. */
  percentage: z.number().check(z.minimum(0), z.maximum(100)),
});
export type CostCenterShare = z.infer<typeof CostCenterShare>;

/** Cursor paging: pass `nextCursor` back as `cursor`; `null` means the last page. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** RFC 9457 field error; `pointer` is a JSON pointer into the request body (`/credentials/clientSecret`). */
export const FieldError = z.object({
  pointer: z.string(),
  detail: z.string(),
  code: z.optional(z.string()),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details (`application/problem+json`) with this contract's extensions. */
export const Problem = z.object({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Machine-readable reason, see docs/contract.md ("Error codes"). */
  code: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  /** Scope ids the credentials lack (code `missing_scopes`). */
  missingScopes: z.optional(z.array(z.string())),
});
export type Problem = z.infer<typeof Problem>;
