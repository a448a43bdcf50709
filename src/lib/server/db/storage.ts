// The embedded database and a full disk. PGlite answers a table or index that cannot grow with a
// clean disk_full error (507, see failures.ts), but when the write-ahead log needs its next 16 MB
// segment, or a checkpoint its small files, PGlite can be left answering wrongly until the
// process restarts (seen with PGlite 0.5: a failed checkpoint, then "ERRORDATA_STACK_SIZE
// exceeded" and empty results). So writes stop a reserve short of full: they answer 507 with a
// message, reads go on, and writes resume by themselves once space is freed.
import { statfsSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { OUT_OF_STORAGE_MESSAGE } from './failures';
import { logger } from '../log';

/** Two WAL segments: room for the next one whatever was written since the last check. */
export const STORAGE_RESERVE_BYTES = 32 * 1024 * 1024;

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/** Bytes an unprivileged process may still write on the file system holding `dir`. */
export function freeBytes(dir: string): number {
	const stats = statfsSync(dir);
	return stats.bavail * stats.bsize;
}

/** Refuses every insert, update, delete and merge with a 507 while `dir` is short of the reserve. */
export class StorageReservePlugin implements KyselyPlugin {
	private lastLogged = 0;

	constructor(
		private readonly dir: string,
		private readonly reserveBytes = STORAGE_RESERVE_BYTES
	) {}

	transformQuery({ node }: PluginTransformQueryArgs) {
		if (WRITES.has(node.kind) && freeBytes(this.dir) < this.reserveBytes) {
			// Only spaces out log lines (operations, not a decision about anyone's data).
			// eslint-disable-next-line no-restricted-syntax
			const now = Date.now();
			if (now - this.lastLogged > 5_000) {
				this.lastLogged = now;
				logger('db').error(
					{ dir: this.dir, reserveMb: this.reserveBytes / 2 ** 20 },
					'refusing writes: too little free space'
				);
			}
			error(507, OUT_OF_STORAGE_MESSAGE);
		}
		return node;
	}

	async transformResult({ result }: PluginTransformResultArgs) {
		return result;
	}
}
