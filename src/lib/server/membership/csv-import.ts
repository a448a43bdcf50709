import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../db/index';
import { recordAudit, recordAudits, type Actor } from '../audit';
import {
	FIRST_DATE,
	LAST_DATE,
	readDate,
	type DateReading,
	addMonths
} from '../../domain/calendar';
import { grantStart, savePendingGrants } from './admin';
import * as clock from '../clock';

// CSV import of member emails with valid-until dates (DESIGN §5).
//
// Policy (decided here, shown on the page): the import is all-or-nothing. When any row is rejected
// nothing is stored, unless the administrator ticks "import only the valid rows", which stores the
// valid rows and lists the rejected ones in the summary. Either way the rows are re-read and
// re-checked when the import is confirmed (never trusted from the preview), and everything is
// written in one transaction, in batches, so a failure half-way leaves no trace.

const MAX_IMPORT_ROWS = 5000;
/** Under adapter-node's default request body limit (512 KB) with room for form encoding. */
export const MAX_IMPORT_BYTES = 256 * 1024;
const BATCH_SIZE = 500;
/** A valid-until date further ahead than this is taken for a typing mistake. */
const MAX_YEARS_AHEAD = 5;

interface ValidRow {
	line: number;
	email: string;
	validUntil: string;
	reference: string | null;
}
interface AccountRow extends ValidRow {
	userId: string;
	currentUntil: string | null;
}

export type ImportRow =
	| (AccountRow & { outcome: 'upgrade' })
	| (AccountRow & { outcome: 'unchanged' })
	| (ValidRow & { outcome: 'pending'; note: 'no account yet' | 'account not verified yet' })
	| { line: number; email: string; outcome: 'rejected'; reason: string };

export interface ImportPlan {
	rows: ImportRow[];
	counts: Record<ImportRow['outcome'], number>;
}

export type ParseResult = { ok: true; rows: ParsedRow[] } | { ok: false; error: string };

type ParsedRow =
	| { line: number; email: string; validUntil: string; reference: string | null }
	| { line: number; email: string; reason: string };

const emailSchema = z.email();

/**
 * 'YYYY-MM-DD', or the UK's 'DD/MM/YYYY' (what a spreadsheet saves), read by the calendar's one
 * reader, so the app's range of dates holds for imports too.
 */
export function readImportDate(value: string): DateReading {
	const text = value.trim();
	const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	return readDate(uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : text);
}

interface Columns {
	email: number;
	until: number;
	reference: number | null;
}

function headerColumns(cells: string[]): Columns | null {
	const lower = cells.map((c) => c.trim().toLowerCase());
	if (lower.some((c) => c.includes('@'))) return null;
	const email = lower.findIndex((c) => /e-?mail/.test(c));
	if (email < 0) return null;
	const until = lower.findIndex((c) => /until|expir|end|date/.test(c));
	const reference = lower.findIndex((c) => /ref/.test(c));
	return { email, until, reference: reference < 0 ? null : reference };
}

/** Reads the file and checks each row on its own (no database): shape, email, date. */
export function parseMemberCsv(text: string, today: string = clock.today()): ParseResult {
	if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
		return { ok: false, error: `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB. Split it.` };
	}
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			bom: true,
			trim: true,
			skip_empty_lines: true,
			relax_column_count: true,
			info: true
		}) as unknown as typeof records;
	} catch (err) {
		const message = err instanceof Error ? err.message.replace(/^Invalid Record Length: /, '') : '';
		return { ok: false, error: `The file could not be read as CSV: ${message}` };
	}
	if (records.length === 0) return { ok: false, error: 'The file has no rows.' };
	let columns: Columns = { email: 0, until: 1, reference: 2 };
	const header = headerColumns(records[0].record);
	if (header) {
		if (header.until < 0) {
			return {
				ok: false,
				error: 'The header has an email column but no valid-until column (e.g. “valid_until”).'
			};
		}
		columns = { ...header, until: header.until };
		records = records.slice(1);
	}
	if (records.length === 0) return { ok: false, error: 'The file has a header but no rows.' };
	if (records.length > MAX_IMPORT_ROWS) {
		return {
			ok: false,
			error: `The file has ${records.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`
		};
	}

	const latest = addMonths(today, MAX_YEARS_AHEAD * 12);
	const seen = new Map<string, number>();
	const rows: ParsedRow[] = records.map(({ record, info }) => {
		const line = info.lines;
		const rawEmail = (record[columns.email] ?? '').trim();
		const email = rawEmail.toLowerCase();
		const rawUntil = (record[columns.until] ?? '').trim();
		const reference =
			columns.reference === null
				? null
				: (record[columns.reference] ?? '').trim().slice(0, 100) || null;
		const reject = (reason: string) => ({ line, email: rawEmail.slice(0, 254), reason });
		if (!email) return reject('no email address');
		if (email.length > 254 || !emailSchema.safeParse(email).success)
			return reject('not an email address');
		if (!rawUntil) return reject('no valid-until date');
		const reading = readImportDate(rawUntil);
		if (!reading.ok && reading.problem === 'range')
			return reject(`valid-until date is not between ${FIRST_DATE} and ${LAST_DATE}`);
		if (!reading.ok)
			return reject('valid-until date not understood (use YYYY-MM-DD or DD/MM/YYYY)');
		const validUntil = reading.date;
		if (validUntil < today) return reject('valid-until date has already passed');
		if (validUntil > latest)
			return reject(`valid-until date is more than ${MAX_YEARS_AHEAD} years ahead`);
		const earlier = seen.get(email);
		if (earlier !== undefined) return reject(`the same email as line ${earlier}`);
		seen.set(email, line);
		return { line, email, validUntil, reference };
	});
	return { ok: true, rows };
}

/** What importing would do to each row, from the accounts and memberships as they are now. */
async function planImport(
	db: Db,
	rows: ParsedRow[],
	today: string = clock.today()
): Promise<ImportPlan> {
	const emails = rows.filter((r) => !('reason' in r)).map((r) => r.email);
	const accounts = new Map<string, { id: string; verified: boolean; until: string | null }>();
	for (let i = 0; i < emails.length; i += BATCH_SIZE) {
		const found = await db
			.selectFrom('users')
			.select(['users.id', 'users.email', 'users.email_verified_at'])
			.select((eb) =>
				eb
					.selectFrom('memberships as m')
					.select((m) => m.fn.max('m.valid_until').as('until'))
					.whereRef('m.user_id', '=', 'users.id')
					.where('m.revoked_at', 'is', null)
					.where('m.valid_until', '>=', today)
					.as('until')
			)
			.where('users.email', 'in', emails.slice(i, i + BATCH_SIZE))
			.execute();
		for (const u of found) {
			accounts.set(u.email, {
				id: u.id,
				verified: u.email_verified_at !== null,
				until: (u.until as string | null) ?? null
			});
		}
	}
	const planned: ImportRow[] = rows.map((r) => {
		if ('reason' in r)
			return { line: r.line, email: r.email, outcome: 'rejected', reason: r.reason };
		const account = accounts.get(r.email);
		// An unverified account could belong to someone who typed another person's address: the
		// grant waits until the address is proved, as it would for a new registration.
		if (!account || !account.verified) {
			return {
				...r,
				outcome: 'pending',
				note: account ? 'account not verified yet' : 'no account yet'
			};
		}
		const covered = account.until !== null && account.until >= r.validUntil;
		return {
			...r,
			outcome: covered ? 'unchanged' : 'upgrade',
			userId: account.id,
			currentUntil: account.until
		};
	});
	const counts = { upgrade: 0, unchanged: 0, pending: 0, rejected: 0 };
	for (const row of planned) counts[row.outcome] += 1;
	return { rows: planned, counts };
}

export async function previewImport(db: Db, text: string, today: string = clock.today()) {
	const parsed = parseMemberCsv(text, today);
	if (!parsed.ok) return parsed;
	return { ok: true as const, plan: await planImport(db, parsed.rows, today) };
}

function isOutcome<O extends ImportRow['outcome']>(outcome: O) {
	return (row: ImportRow): row is Extract<ImportRow, { outcome: O }> => row.outcome === outcome;
}

export interface ImportSummary {
	upgraded: number;
	unchanged: number;
	pending: number;
	rejected: { line: number; email: string; reason: string }[];
	imported: boolean;
}

/**
 * Imports the file. Refused (nothing stored) when the file cannot be read, or when any row is
 * rejected and `validRowsOnly` is false. Everything else happens in one transaction.
 */
export async function applyImport(
	db: Db,
	actor: Actor,
	text: string,
	options: { validRowsOnly: boolean; fileName?: string | null },
	today: string = clock.today()
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; error: string; plan?: ImportPlan }> {
	const parsed = parseMemberCsv(text, today);
	if (!parsed.ok) return parsed;
	return db.transaction().execute(async (trx) => {
		const plan = await planImport(trx, parsed.rows, today);
		const rejected = plan.rows.filter(isOutcome('rejected'));
		if (rejected.length > 0 && !options.validRowsOnly) {
			return {
				ok: false as const,
				error: `${rejected.length} row${rejected.length === 1 ? ' was' : 's were'} rejected, so nothing was imported. Correct the file, or choose to import only the valid rows.`,
				plan
			};
		}
		const reference = (r: { reference: string | null }) => r.reference ?? `CSV import ${today}`;
		const upgrades = plan.rows.filter(isOutcome('upgrade'));
		const pendings = plan.rows.filter(isOutcome('pending'));
		for (let i = 0; i < upgrades.length; i += BATCH_SIZE) {
			const batch = upgrades.slice(i, i + BATCH_SIZE);
			const inserted = await trx
				.insertInto('memberships')
				.values(
					batch.map((r) => ({
						user_id: r.userId,
						valid_from: grantStart(today, r.currentUntil),
						valid_until: r.validUntil,
						source: 'csv_import' as const,
						amount_pence: null,
						reference: reference(r)
					}))
				)
				.returning(['id', 'user_id'])
				.execute();
			const ids = new Map(inserted.map((m) => [m.user_id, String(m.id)]));
			await recordAudits(
				trx,
				actor,
				batch.map((r) => ({
					action: 'membership.grant',
					target: r.email,
					details: {
						membershipId: ids.get(r.userId),
						validFrom: grantStart(today, r.currentUntil),
						validUntil: r.validUntil,
						source: 'csv_import',
						line: r.line
					}
				}))
			);
		}
		for (let i = 0; i < pendings.length; i += BATCH_SIZE) {
			const batch = pendings.slice(i, i + BATCH_SIZE);
			await savePendingGrants(
				trx,
				actor,
				batch.map((r) => ({
					email: r.email,
					validFrom: today,
					validUntil: r.validUntil,
					source: 'csv_import',
					amountPence: null,
					reference: reference(r)
				}))
			);
			await recordAudits(
				trx,
				actor,
				batch.map((r) => ({
					action: 'membership.pending',
					target: r.email,
					details: { validUntil: r.validUntil, source: 'csv_import', line: r.line, note: r.note }
				}))
			);
		}
		const summary: ImportSummary = {
			upgraded: upgrades.length,
			unchanged: plan.counts.unchanged,
			pending: pendings.length,
			rejected: rejected.map((r) => ({ line: r.line, email: r.email, reason: r.reason })),
			imported: true
		};
		await recordAudit(trx, actor, 'membership.import', options.fileName ?? null, {
			rows: plan.rows.length,
			upgraded: summary.upgraded,
			unchanged: summary.unchanged,
			pending: summary.pending,
			rejected: summary.rejected.length
		});
		return { ok: true as const, summary };
	});
}
