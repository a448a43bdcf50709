// The one logger: JSON lines on standard output (pino), the level from LOG_LEVEL. A request's lines
// carry its id (a child logger in event.locals.log, made in hooks.server.ts). Nothing secret is
// written: the fields below are redacted wherever they appear, and email addresses are masked
// (a…@example.org), so code logs an address under `email` or `to`, never inside the message.
import pino, { type Logger } from 'pino';
import { config } from './config';

export type { Logger };

/** Field names whose values are never written, at the top level or one object down. */
const SECRET_FIELDS = [
	'password',
	'newPassword',
	'currentPassword',
	'token',
	'sessionId',
	'session_id',
	'cookie',
	'authorization',
	'secret',
	'code'
];

/** 'doctor@example.org' → 'd…@example.org': enough to tell two people apart, not to write to one. */
export function maskEmail(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	return value.replace(
		/([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)/g,
		(_, first: string, domain: string) => `${first}…@${domain}`
	);
}

function errorSerializer(err: unknown) {
	const serialized = pino.stdSerializers.err(err as Error);
	// A driver's error message can quote a value from the query (an address in a unique violation).
	return {
		...serialized,
		message: maskEmail(serialized.message),
		stack: maskEmail(serialized.stack)
	};
}

let root: Logger | undefined;

/** The process's logger, made on first use so the settings are read when the process has them. */
export function rootLogger(): Logger {
	root ??= pino({
		level: config().LOG_LEVEL,
		base: { pid: process.pid },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: {
			paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)],
			censor: '[redacted]'
		},
		serializers: { email: maskEmail, to: maskEmail, err: errorSerializer },
		formatters: { level: (label) => ({ level: label }) }
	});
	return root;
}

/** A logger for one part of the server: its lines say which (`component`). */
export function logger(component: string): Logger {
	return rootLogger().child({ component });
}
