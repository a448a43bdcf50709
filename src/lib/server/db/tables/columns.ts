import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Set by the database default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see the type parsers in db/index.ts). */
export type DateOnly = ColumnType<string, string, string>;
/** bigserial comes back as a string from pg and a number from PGlite; we read it through Number(). */
export type BigSerial = ColumnType<string | number, never, never>;
/** numeric comes back as a string from both drivers. */
export type Numeric = ColumnType<string, number | string, number | string>;
