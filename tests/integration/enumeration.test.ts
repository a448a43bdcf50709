// Issue 13: a stranger must not tell a registered email from an unknown one by how long the answer
// takes. That is proved here on the code path, never with a stopwatch: every argon2 call the app
// makes is recorded (the real library runs, wrapped), and a known and an unknown email must make
// the same calls, at the same cost. bench/enumeration.ts measures the times, for information.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as argon2 from '@node-rs/argon2';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';

vi.mock('@node-rs/argon2', async (importOriginal) => {
	const real = await importOriginal<typeof import('@node-rs/argon2')>();
	return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});

/**
 * An SMTP server that accepts connections and says nothing while `holding`, so a delivery cannot
 * finish; otherwise it hangs up at once, so a delivery fails straight away.
 */
const held = new Set<Socket>();
let holding = false;
const smtp: Server = createServer((socket) => {
	if (!holding) return socket.destroy();
	held.add(socket);
	socket.on('close', () => held.delete(socket));
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.address() as { port: number }).port;
// Before the app's modules read their settings.
process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
const { authenticate, registerUser, requestPasswordReset } =
	await import('../../src/lib/server/auth/accounts');
const { DUMMY_PASSWORD_HASH, hashPassword } = await import('../../src/lib/server/auth/password');
const { emailsDelivered } = await import('../../src/lib/server/email');

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'violet-harbour-kettle-92';
let counter = 0;
const newEmail = (label: string) => `${label}.${++counter}.${process.pid}@example.org`;

/** "argon2id m=19456,t=2,p=1": the cost of a PHC string, or of the options of a hash. */
function costOfHash(phc: string): string {
	const [, variant, , params] = phc.split('$');
	return `${variant} ${params}`;
}
function costOfOptions(options: argon2.Options | null | undefined): string {
	// The library's default variant is argon2id (Algorithm.Argon2id = 2).
	const variant = options?.algorithm === undefined || options.algorithm === 2 ? 'argon2id' : '?';
	return `${variant} m=${options?.memoryCost},t=${options?.timeCost},p=${options?.parallelism}`;
}

/** The argon2 calls `action` makes, in order, each with its cost: ["verify argon2id m=…"]. */
async function argon2Work(action: () => Promise<unknown>): Promise<string[]> {
	const hash = vi.mocked(argon2.hash);
	const verify = vi.mocked(argon2.verify);
	hash.mockClear();
	verify.mockClear();
	await action();
	const calls = [
		...hash.mock.calls.map((args, i) => ({
			order: hash.mock.invocationCallOrder[i],
			what: `hash ${costOfOptions(args[1])}`
		})),
		...verify.mock.calls.map((args, i) => ({
			order: verify.mock.invocationCallOrder[i],
			what: `verify ${costOfHash(String(args[0]))}`
		}))
	];
	return calls.sort((a, b) => a.order - b.order).map((c) => c.what);
}

// The deliveries here fail on purpose (the server above hangs up); their log lines are noise.
const consoleError = console.error.bind(console);
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
	if (!String(args[0]).startsWith('[email]')) consoleError(...args);
});

afterAll(async () => {
	for (const socket of held) socket.destroy();
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

it('checks unknown emails against a hash made with the parameters of every stored one', async () => {
	expect(costOfHash(DUMMY_PASSWORD_HASH)).toBe(costOfHash(await hashPassword(PASSWORD)));
	// A malformed hash would make verify throw at once instead of doing the work.
	await expect(argon2.verify(DUMMY_PASSWORD_HASH, PASSWORD)).resolves.toBe(false);
});

describe.each(DATABASES)('a known and an unknown email do the same work on %s', (name) => {
	let t: TestDatabase;
	let known: string;
	/** The cost of the known account's stored hash: "argon2id m=…,t=…,p=…". */
	let storedCost: string;
	beforeAll(async () => {
		t = await openTestDatabase(name);
		known = newEmail('known');
		const registered = await registerUser(
			t.db,
			{ name: 'Dr Known', email: known, doctorKind: 'salaried', password: PASSWORD },
			ORIGIN
		);
		expect(registered).toMatchObject({ ok: true, userId: expect.any(String) });
		const { password_hash } = await t.db
			.selectFrom('users')
			.select('password_hash')
			.where('email', '=', known)
			.executeTakeFirstOrThrow();
		storedCost = costOfHash(password_hash);
	});
	afterEach(async () => {
		holding = false;
		for (const socket of held) socket.destroy();
		// Every queued email has failed or gone before the database closes.
		await emailsDelivered();
	});
	afterAll(async () => t?.close());

	async function outboxCount(to: string): Promise<number> {
		const { n } = await t.db
			.selectFrom('email_outbox')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('to_address', '=', to)
			.executeTakeFirstOrThrow();
		return Number(n);
	}

	it('sign-in: an unknown email, a wrong password and the right one each cost one verification', async () => {
		const oneVerification = [`verify ${storedCost}`];
		// The unknown email first: it is the first of its kind in this process on the first database.
		let answer: unknown = 'not called';
		expect(
			await argon2Work(
				async () => (answer = await authenticate(t.db, newEmail('nobody'), PASSWORD))
			)
		).toEqual(oneVerification);
		expect(answer).toBeNull();
		expect(
			await argon2Work(async () => (answer = await authenticate(t.db, known, 'wrong-password-1')))
		).toEqual(oneVerification);
		expect(answer).toBeNull();
		expect(
			await argon2Work(async () => (answer = await authenticate(t.db, known, PASSWORD)))
		).toEqual(oneVerification);
		expect(answer).toMatchObject({ email: known });
	});

	it('registration: a new address and a taken one (in any case) each cost one hash and queue one email', async () => {
		const fresh = newEmail('fresh');
		const register = (email: string, password = PASSWORD) =>
			registerUser(t.db, { name: 'Dr Other', email, doctorKind: 'locum', password }, ORIGIN);

		const before = { fresh: await outboxCount(fresh), known: await outboxCount(known) };
		const newWork = await argon2Work(async () =>
			expect(await register(fresh)).toMatchObject({ ok: true, userId: expect.any(String) })
		);
		const takenWork = await argon2Work(async () =>
			expect(await register(known.toUpperCase())).toEqual({ ok: true, userId: null })
		);
		expect(newWork).toEqual([`hash ${storedCost}`]);
		expect(takenWork).toEqual(newWork);
		expect(await outboxCount(fresh)).toBe(before.fresh + 1);
		expect(await outboxCount(known)).toBe(before.known + 1);

		// A refused password is refused before any work, whoever owns the address.
		const weakNew = await argon2Work(async () =>
			expect(await register(newEmail('weak'), 'qwertyuiop')).toMatchObject({ ok: false })
		);
		const weakTaken = await argon2Work(async () =>
			expect(await register(known, 'qwertyuiop')).toMatchObject({ ok: false })
		);
		expect(weakNew).toEqual([]);
		expect(weakTaken).toEqual([]);
	});

	it('password reset: no argon2 either way, and the known email answers before its email is sent', async () => {
		const unknown = newEmail('nobody');
		expect(await argon2Work(() => requestPasswordReset(t.db, unknown, ORIGIN))).toEqual([]);
		expect(await outboxCount(unknown)).toBe(0);

		// The mail server says nothing: a request that waited for the delivery would not answer.
		holding = true;
		const before = await outboxCount(known);
		expect(await argon2Work(() => requestPasswordReset(t.db, known, ORIGIN))).toEqual([]);
		const queued = await t.db
			.selectFrom('email_outbox')
			.select(['subject', 'sent_at', 'error'])
			.where('to_address', '=', known)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(await outboxCount(known)).toBe(before + 1);
		expect(queued).toEqual({
			subject: 'Reset your Sessional password',
			sent_at: null,
			error: null
		});
	});
});
