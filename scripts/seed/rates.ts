// Demo locum rates (DESIGN §8): a few hundred synthetic doctors reporting over three years, so that
// the map has published cells with and without quartiles, suppressed cells and trends. Deterministic
// for a date and a seed (seed/random.ts), so every demo database tells the same story.
import type { Insertable } from 'kysely';
import type { Db } from '../../src/lib/server/db/index';
import { toNumber } from '../../src/lib/server/db/index';
import type { RateSubmissionTable, SubmissionStatus } from '../../src/lib/server/db/tables/rates';
import { AREAS, type AreaCode, type RegionCode } from '../../data/geography';
import { regionOfArea } from '../../src/lib/domain/geography';
import {
	isWithinSoftBounds,
	pencePerHour,
	perSessionEquivalentPence,
	type RateBasis,
	type RateCategory
} from '../../src/lib/domain/rate-units';
import {
	describeSpread,
	median,
	moderationReason,
	type ModerationReason
} from '../../src/lib/domain/rate-stats';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { contributorKey } from '../../src/lib/server/rates/contributor';
import { publishDueSnapshots } from '../../src/lib/server/rates/publication';
import { publicationSettings } from '../../src/lib/server/rates/settings';
import * as clock from '../../src/lib/server/clock';
import { Random, streamSeed, type Stream } from './random';
import { copyAllRows, type Columns } from './bulk-insert';
import { monthIndexOfDate, monthOfIndex } from '../../src/lib/domain/calendar';

// ---------------------------------------------------------------------------------------------
// One row, derived the way saveSubmission derives it

export interface SyntheticSubmission {
	contributorKey: string;
	category: RateCategory;
	workMonth: string;
	areaCode: string;
	amountPence: number;
	basis: RateBasis;
	hoursWorked: number;
	bookedContacts?: number | null;
	homeVisitsIncluded?: boolean | null;
	adminIncluded?: boolean | null;
	bookingRoute?: 'direct' | 'agency' | 'platform' | null;
	status?: SubmissionStatus;
	moderationReason?: ModerationReason | null;
	createdAt?: Date;
}

/**
 * A rate_submissions row with its region, nation, £/h and session equivalent computed by the
 * app's own functions, so synthetic rows cannot disagree with ones a doctor saved through the form.
 */
export function submissionRow(s: SyntheticSubmission): Insertable<RateSubmissionTable> {
	const region = regionOfArea(s.areaCode);
	if (!region?.parentCode) throw new Error(`Not an area: ${s.areaCode}`);
	const perHour = pencePerHour(s);
	const createdAt = s.createdAt ?? clock.now();
	return {
		contributor_key: s.contributorKey,
		category_code: s.category,
		work_month: s.workMonth,
		area_code: s.areaCode,
		region_code: region.code,
		nation_code: region.parentCode,
		amount_pence: s.amountPence,
		basis: s.basis,
		hours_worked: s.hoursWorked,
		pence_per_hour: perHour,
		session_equivalent_pence: perSessionEquivalentPence(perHour),
		booked_contacts: s.bookedContacts ?? null,
		home_visits_included: s.homeVisitsIncluded ?? null,
		admin_included: s.adminIncluded ?? null,
		booking_route: s.bookingRoute ?? null,
		status: s.status ?? 'accepted',
		moderation_reason: s.moderationReason ?? null,
		created_at: createdAt,
		updated_at: createdAt
	};
}

const SUBMISSION_COLUMNS: Columns = [
	['contributor_key', 'text'],
	['category_code', 'text'],
	['work_month', 'text'],
	['area_code', 'text'],
	['region_code', 'text'],
	['nation_code', 'text'],
	['amount_pence', 'int4'],
	['basis', 'text'],
	['hours_worked', 'numeric'],
	['pence_per_hour', 'int4'],
	['session_equivalent_pence', 'int4'],
	['booked_contacts', 'int4'],
	['home_visits_included', 'bool'],
	['admin_included', 'bool'],
	['booking_route', 'text'],
	['status', 'text'],
	['moderation_reason', 'text'],
	['created_at', 'timestamptz'],
	['updated_at', 'timestamptz']
];

/** Stores complete rows (as submissionRow makes them), a few thousand per statement. */
export async function insertSubmissionRows(
	db: Db,
	rows: Iterable<Insertable<RateSubmissionTable>>,
	onProgress?: (rows: number) => void,
	batchSize = 5000
): Promise<number> {
	return copyAllRows(db, 'rate_submissions', SUBMISSION_COLUMNS, rows, {
		onWrite: onProgress,
		batchSize
	});
}

// ---------------------------------------------------------------------------------------------
// The population

// Mid-2022 population in thousands (ONS, NRS, NISRA estimates, rounded): where doctors live.
const POPULATION: Record<AreaCode, number> = {
	E54000050: 3010, // North East and North Cumbria
	E54000008: 2720, // Cheshire and Merseyside
	E54000057: 2910, // Greater Manchester
	E54000048: 1800, // Lancashire and South Cumbria
	E54000051: 1730, // Humber and North Yorkshire
	E54000061: 1410, // South Yorkshire
	E54000054: 2400, // West Yorkshire
	E54000058: 1060, // Derby and Derbyshire
	E54000015: 1150, // Leicester, Leicestershire and Rutland
	E54000013: 770, // Lincolnshire
	E54000059: 790, // Northamptonshire
	E54000060: 1200, // Nottingham and Nottinghamshire
	E54000055: 1350, // Birmingham and Solihull
	E54000062: 1250, // Black Country
	E54000018: 1000, // Coventry and Warwickshire
	E54000019: 800, // Herefordshire and Worcestershire
	E54000011: 520, // Shropshire, Telford and Wrekin
	E54000010: 1150, // Staffordshire and Stoke-on-Trent
	E54000024: 1100, // Bedfordshire, Luton and Milton Keynes
	E54000056: 930, // Cambridgeshire and Peterborough
	E54000025: 1600, // Hertfordshire and West Essex
	E54000026: 1250, // Mid and South Essex
	E54000022: 1100, // Norfolk and Waveney
	E54000023: 1000, // Suffolk and North East Essex
	E54000028: 1500, // North Central London
	E54000029: 2100, // North East London
	E54000027: 2100, // North West London
	E54000030: 1900, // South East London
	E54000031: 1500, // South West London
	E54000044: 1900, // Buckinghamshire, Oxfordshire and Berkshire West
	E54000034: 800, // Frimley
	E54000042: 1900, // Hampshire and Isle of Wight
	E54000032: 1900, // Kent and Medway
	E54000063: 1100, // Surrey Heartlands
	E54000064: 1750, // Sussex
	E54000040: 950, // Bath and North East Somerset, Swindon and Wiltshire
	E54000039: 1000, // Bristol, North Somerset and South Gloucestershire
	E54000036: 580, // Cornwall and the Isles of Scilly
	E54000037: 1220, // Devon
	E54000041: 790, // Dorset
	E54000043: 650, // Gloucestershire
	E54000038: 580, // Somerset
	W11000028: 600, // Aneurin Bevan
	W11000023: 700, // Betsi Cadwaladr
	W11000029: 500, // Cardiff and Vale
	W11000030: 450, // Cwm Taf Morgannwg
	W11000025: 390, // Hywel Dda
	W11000024: 130, // Powys
	W11000031: 390, // Swansea Bay
	S08000015: 370, // Ayrshire and Arran
	S08000016: 120, // Borders
	S08000017: 150, // Dumfries and Galloway
	S08000029: 370, // Fife
	S08000019: 310, // Forth Valley
	S08000020: 590, // Grampian
	S08000031: 1190, // Greater Glasgow and Clyde
	S08000022: 330, // Highland
	S08000032: 660, // Lanarkshire
	S08000024: 930, // Lothian
	S08000025: 22, // Orkney
	S08000026: 23, // Shetland
	S08000030: 420, // Tayside
	S08000028: 26, // Western Isles
	'GB-NIR': 1900 // Northern Ireland
};

// The demo group is a South West sessional-GP group (Devon and Cornwall at heart) that also takes
// doctors from elsewhere, as such groups do. Without a home base no area would reach 20 doctors
// with a few hundred contributors, and the member view would have no area quartiles to show.
const MEMBERSHIP_PULL: Partial<Record<string, number>> = {
	E54000037: 8,
	E54000036: 8,
	TLK: 1.5
};

/** Rates now (£/h) in an ordinary English area; the regional and rural factors adjust them. */
const BASE_POUNDS_PER_HOUR: Record<RateCategory, number> = {
	in_hours_session: 93,
	duty_doctor: 101,
	extended_access: 106,
	out_of_hours: 116,
	remote: 82
};

const REGION_FACTOR: Record<RegionCode, number> = {
	TLC: 0.97,
	TLD: 0.98,
	TLE: 0.97,
	TLF: 0.98,
	TLG: 0.98,
	TLH: 1.01,
	TLI: 1.05,
	TLJ: 1.03,
	TLK: 1.07,
	TLL: 1.0,
	TLM: 1.0,
	TLN: 0.96
};

// Rural and remote areas pay more to fill sessions (islands and Highland most of all).
const RURAL_FACTOR: Partial<Record<AreaCode, number>> = {
	E54000036: 1.1, // Cornwall and the Isles of Scilly
	E54000037: 1.05, // Devon
	E54000038: 1.03, // Somerset
	E54000041: 1.02, // Dorset
	E54000050: 1.03, // North East and North Cumbria
	E54000048: 1.03, // Lancashire and South Cumbria
	E54000013: 1.05, // Lincolnshire
	E54000022: 1.03, // Norfolk and Waveney
	E54000011: 1.03, // Shropshire, Telford and Wrekin
	E54000019: 1.02, // Herefordshire and Worcestershire
	W11000024: 1.07, // Powys
	W11000025: 1.04, // Hywel Dda
	W11000023: 1.03, // Betsi Cadwaladr
	S08000022: 1.12, // Highland
	S08000025: 1.15, // Orkney
	S08000026: 1.15, // Shetland
	S08000028: 1.15, // Western Isles
	S08000017: 1.06, // Dumfries and Galloway
	S08000016: 1.04, // Borders
	S08000020: 1.03 // Grampian
};

/** Share of doctors who take this kind of work at all. */
const CATEGORY_UPTAKE: Record<RateCategory, number> = {
	in_hours_session: 0.8,
	duty_doctor: 0.4,
	extended_access: 0.3,
	out_of_hours: 0.25,
	remote: 0.2
};

/** How fees are usually quoted for each kind of work: [per hour, per session, per day]. */
const BASIS_HABITS: Record<RateCategory, [number, number, number]> = {
	in_hours_session: [0.45, 0.35, 0.2],
	duty_doctor: [0.4, 0.25, 0.35],
	extended_access: [0.5, 0.5, 0],
	out_of_hours: [0.85, 0.15, 0],
	remote: [0.6, 0.4, 0]
};

/** Hours worked: for an hourly or a session fee, and for a day fee. */
const HOURS: Record<RateCategory, { session: number[]; day: number[] }> = {
	in_hours_session: { session: [4, 4.25, 4.25, 4.5], day: [8, 8.5, 8.5, 9, 9.5] },
	duty_doctor: { session: [4, 4.5, 5], day: [8.5, 9, 9.5, 10] },
	extended_access: { session: [3, 3.5, 4, 4], day: [8] },
	out_of_hours: { session: [4, 5, 6, 6, 8], day: [10] },
	remote: { session: [3, 3.5, 4, 4.25], day: [8] }
};

/** Booked patient contacts per hour (12–18 per four-hour surgery). */
const CONTACTS_PER_HOUR: Record<RateCategory, [number, number]> = {
	in_hours_session: [3, 4.5],
	duty_doctor: [4, 6],
	extended_access: [3, 4],
	out_of_hours: [2, 3.5],
	remote: [4, 6]
};

const CATEGORIES = Object.keys(BASE_POUNDS_PER_HOUR) as RateCategory[];

/** A whole day is usually quoted a little below the hourly rate: £600–£850 for 8–9.5 hours. */
const DAY_RATE_DISCOUNT = 0.9;

/** Fees rise about 3.5 % a year, so the trend lines slope gently upwards. */
const ANNUAL_RISE = 1.035;
const MONTHS_OF_DATA = 36;

/** Doctors report after the work: a day or three weeks into the following month, never after today. */
function reportedAt(random: Random, workMonth: number, today: string): Date {
	const next = workMonth + 1;
	const at = new Date(
		Date.UTC(Math.floor(next / 12), next % 12, random.int(1, 21), 9 + random.int(0, 11))
	);
	const limit = new Date(`${today}T00:00:00Z`);
	return at < limit ? at : limit;
}

// ---------------------------------------------------------------------------------------------
// Doctors

interface Doctor {
	key: string;
	home: AreaCode;
	/** Another area of the same region where the doctor sometimes works. */
	neighbour: AreaCode | null;
	categories: RateCategory[];
	firstMonth: number;
	lastMonth: number;
	/** Chance of reporting in any month while active. */
	diligence: number;
	/** Some doctors charge more than others, consistently. */
	personalFactor: number;
	bases: Record<RateCategory, RateBasis>;
	givesContacts: boolean;
	fillsOptional: boolean;
}

const areaCodes = AREAS.map((a) => a.code) as AreaCode[];
const regionOf = new Map<AreaCode, RegionCode>(AREAS.map((a) => [a.code, a.regionCode]));

function homeWeight(code: AreaCode): number {
	return POPULATION[code] * (MEMBERSHIP_PULL[code] ?? MEMBERSHIP_PULL[regionOf.get(code)!] ?? 1);
}

/**
 * A synthetic doctor. `activity` scales how much the population reports (1 = the demo group; the
 * national-scale seed raises it so 10 000 doctors make a million reports); at 1 the random draws
 * are exactly the demo's, so the demo database does not change.
 */
function makeDoctor(
	random: Random,
	key: string,
	first: number,
	last: number,
	activity = 1
): Doctor {
	const home = random.weighted(areaCodes, areaCodes.map(homeWeight));
	const others = areaCodes.filter((c) => c !== home && regionOf.get(c) === regionOf.get(home));
	const neighbour =
		others.length > 0 && random.chance(0.35)
			? random.weighted(
					others,
					others.map((c) => POPULATION[c])
				)
			: null;
	const uptake = Math.sqrt(activity);
	let categories = CATEGORIES.filter((c) =>
		random.chance(Math.min(1, CATEGORY_UPTAKE[c] * uptake))
	);
	if (categories.length === 0) categories = ['in_hours_session'];
	// Most doctors were there from the start; the rest joined as the app spread.
	const span = last - first + 1;
	const firstMonth = random.chance(0.6)
		? first + random.int(0, 5)
		: first + random.int(0, Math.max(5, span - 6));
	const lastMonth =
		random.chance(0.15) && firstMonth + 6 < last ? random.int(firstMonth + 6, last) : last;
	const bases = Object.fromEntries(
		CATEGORIES.map((c) => [
			c,
			random.weighted<RateBasis>(['per_hour', 'per_session', 'per_day'], BASIS_HABITS[c])
		])
	) as Record<RateCategory, RateBasis>;
	return {
		key,
		home,
		neighbour,
		categories,
		firstMonth,
		lastMonth,
		diligence: random.between(0.2, 0.5),
		personalFactor: Math.exp(random.normal(0.07)),
		bases,
		givesContacts: random.chance(0.8),
		fillsOptional: random.chance(0.8)
	};
}

function poundsPerHour(
	random: Random,
	doctor: Doctor,
	category: RateCategory,
	area: AreaCode,
	month: number,
	latest: number
): number {
	const place = REGION_FACTOR[regionOf.get(area)!] * (RURAL_FACTOR[area] ?? 1);
	// Remote work can be done from anywhere, so where the doctor lives matters much less.
	const placeFactor = category === 'remote' ? Math.sqrt(place) : place;
	const inflation = ANNUAL_RISE ** ((month - latest) / 12);
	return (
		BASE_POUNDS_PER_HOUR[category] *
		placeFactor *
		inflation *
		doctor.personalFactor *
		Math.exp(random.normal(0.04))
	);
}

function roundTo(value: number, step: number): number {
	return Math.round(value / step) * step;
}

/** A fee as a doctor would quote it: round pounds an hour, tens a session, 25s a day. */
function quote(
	random: Random,
	category: RateCategory,
	basis: RateBasis,
	hourly: number
): { amountPence: number; hoursWorked: number } {
	if (basis === 'per_hour') {
		const hoursWorked = random.pick(HOURS[category].session);
		return { amountPence: roundTo(hourly, random.chance(0.6) ? 5 : 1) * 100, hoursWorked };
	}
	if (basis === 'per_session') {
		const hoursWorked = random.pick(HOURS[category].session);
		return { amountPence: roundTo(hourly * hoursWorked, 10) * 100, hoursWorked };
	}
	const hoursWorked = random.pick(HOURS[category].day);
	return { amountPence: roundTo(hourly * hoursWorked * DAY_RATE_DISCOUNT, 25) * 100, hoursWorked };
}

// ---------------------------------------------------------------------------------------------
// The generator

export interface SeedRatesOptions {
	/** 'YYYY-MM-DD': the data covers the `months` months before this one. */
	today: string;
	/** How many synthetic doctors report; ignored when contributorKeys is given. */
	contributors?: number;
	/** The doctors' contributor keys, e.g. contributorKey(user id) for seeded accounts. */
	contributorKeys?: readonly string[];
	/**
	 * About how many reports to make in all (a few held ones come on top). Without it the doctors
	 * report as the demo group does, about 15 each over three years; with it their activity is
	 * scaled to reach the number, and generation stops there.
	 */
	submissions?: number;
	/** Months of data; 36 by default. */
	months?: number;
	/** The overall seed (seed/random.ts); DEFAULT_SEED by default. */
	seed?: number;
	/** Which stream the doctors draw from: the demo's own, or the national-scale population's. */
	stream?: Extract<Stream, 'rates' | 'scale'>;
}

/** Per category × region: each doctor's £/h values, what saveSubmission's outlier check compares. */
type RegionIndex = Map<string, Map<string, number[]>>;

/** One doctor's ordinary reports, month by month, in the order the demo has always made them. */
function* doctorRows(
	random: Random,
	doctor: Doctor,
	activity: number,
	latest: number,
	today: string
): Generator<Insertable<RateSubmissionTable>> {
	const monthChance = Math.min(1, doctor.diligence * activity);
	const categoryChance = Math.min(1, 0.6 * Math.sqrt(activity));
	const bothAreasChance = Math.min(1, 0.25 * (activity - 1));
	for (let month = doctor.firstMonth; month <= doctor.lastMonth; month++) {
		if (!random.chance(monthChance)) continue;
		let chosen = doctor.categories.filter(() => random.chance(categoryChance));
		if (chosen.length === 0) chosen = [random.pick(doctor.categories)];
		// One area per category and month, so the one-per-cell-and-month rule holds by construction.
		for (const category of chosen) {
			const area =
				doctor.neighbour && category !== 'remote' && random.chance(0.25)
					? doctor.neighbour
					: doctor.home;
			const areas = [area];
			// At national scale a busy doctor also works the other area in the same month.
			if (
				activity > 1 &&
				doctor.neighbour &&
				category !== 'remote' &&
				random.chance(bothAreasChance)
			)
				areas.push(area === doctor.home ? doctor.neighbour : doctor.home);
			for (const where of areas) {
				const hourly = poundsPerHour(random, doctor, category, where, month, latest);
				const basis = doctor.bases[category];
				const fee = quote(random, category, basis, hourly);
				const [low, high] = CONTACTS_PER_HOUR[category];
				const row = submissionRow({
					contributorKey: doctor.key,
					category,
					workMonth: monthOfIndex(month),
					areaCode: where,
					basis,
					...fee,
					bookedContacts: doctor.givesContacts
						? Math.round(fee.hoursWorked * random.between(low, high))
						: null,
					homeVisitsIncluded: doctor.fillsOptional
						? random.chance(
								category === 'duty_doctor' ? 0.6 : category === 'in_hours_session' ? 0.25 : 0.05
							)
						: null,
					adminIncluded: doctor.fillsOptional ? random.chance(0.7) : null,
					bookingRoute: doctor.fillsOptional
						? random.weighted(['direct', 'agency', 'platform'] as const, [0.55, 0.2, 0.25])
						: null,
					createdAt: reportedAt(random, month, today)
				});
				// Ordinary reports must count straight away; the held ones are made on purpose below.
				if (!isWithinSoftBounds(row.pence_per_hour)) continue;
				yield row;
			}
		}
	}
}

/**
 * The activity at which an average doctor makes `perDoctor` reports: a bisection over a sample
 * of doctors drawn from their own seed (the same sample every step, so the count rises with the
 * activity), leaving the population's random draws untouched.
 */
function calibrateActivity(
	perDoctor: number,
	first: number,
	latest: number,
	today: string,
	seed: number | undefined
) {
	const SAMPLE = 300;
	const meanRows = (activity: number) => {
		const random = new Random(streamSeed('calibration', seed));
		let rows = 0;
		for (let i = 0; i < SAMPLE; i++) {
			const doctor = makeDoctor(random, `sample-${i}`, first, latest, activity);
			for (const _row of doctorRows(random, doctor, activity, latest, today)) rows++;
		}
		return rows / SAMPLE;
	};
	let low = 0.02;
	let high = 64;
	for (let step = 0; step < 14; step++) {
		const mid = Math.sqrt(low * high);
		if (meanRows(mid) < perDoctor) low = mid;
		else high = mid;
	}
	// A little above, so the run reaches the number rather than falling a few percent short.
	return high * 1.02;
}

/**
 * The synthetic submissions, one row at a time, without touching the database: ordinary reports
 * doctor by doctor, then a few held for moderation. Contributor keys default to
 * contributorKey(`synthetic-${i}`): no real user id hashes to them.
 */
export function* rateSubmissionRows({
	today,
	contributors = 400,
	contributorKeys,
	submissions,
	months = MONTHS_OF_DATA,
	seed,
	stream = 'rates'
}: SeedRatesOptions): Generator<Insertable<RateSubmissionTable>> {
	const keys =
		contributorKeys ??
		Array.from({ length: contributors }, (_, i) => contributorKey(`synthetic-${i}`));
	const random = new Random(streamSeed(stream, seed));
	const latest = monthIndexOfDate(today) - 1;
	const first = latest - months + 1;
	const activity =
		submissions === undefined
			? 1
			: calibrateActivity(submissions / Math.max(1, keys.length), first, latest, today, seed);
	const doctors = keys.map((key) => makeDoctor(random, key, first, latest, activity));

	const index: RegionIndex = new Map();
	// Held reports go in the last two months: only those cells need checking for a clash.
	const recentFrom = monthOfIndex(latest - 1);
	const taken = new Set<string>();
	let made = 0;
	const limit = submissions ?? Infinity;
	population: for (const doctor of doctors) {
		for (const row of doctorRows(random, doctor, activity, latest, today)) {
			const cell = `${row.category_code}|${row.region_code}`;
			let byDoctor = index.get(cell);
			if (!byDoctor) index.set(cell, (byDoctor = new Map()));
			let values = byDoctor.get(row.contributor_key);
			if (!values) byDoctor.set(row.contributor_key, (values = []));
			values.push(row.pence_per_hour);
			if (row.work_month >= recentFrom)
				taken.add(`${row.contributor_key}|${row.category_code}|${row.area_code}|${row.work_month}`);
			yield row;
			if (++made >= limit) break population;
		}
	}
	yield* heldSubmissions(random, doctors, index, taken, latest, today);
}

/**
 * A handful of reports an admin must look at: beyond the soft bounds, and one far above its
 * region's doctors. Reasons come from moderationReason, as for a real submission.
 */
function heldSubmissions(
	random: Random,
	doctors: Doctor[],
	index: RegionIndex,
	taken: Set<string>,
	latest: number,
	today: string
): Insertable<RateSubmissionTable>[] {
	const fees: { amountPence: number; basis: RateBasis; hoursWorked: number }[] = [
		{ amountPence: 260_00, basis: 'per_hour', hoursWorked: 4 },
		{ amountPence: 1_150_00, basis: 'per_session', hoursWorked: 4.25 },
		{ amountPence: 2_400_00, basis: 'per_day', hoursWorked: 9 },
		{ amountPence: 300_00, basis: 'per_hour', hoursWorked: 6 },
		{ amountPence: 45_00, basis: 'per_hour', hoursWorked: 4 },
		{ amountPence: 160_00, basis: 'per_session', hoursWorked: 4 },
		{ amountPence: 210_00, basis: 'per_hour', hoursWorked: 4 }
	];
	const held: Insertable<RateSubmissionTable>[] = [];
	for (const fee of fees) {
		for (let attempt = 0; attempt < 50; attempt++) {
			const doctor = random.pick(doctors);
			const category = doctor.categories[0];
			const month = latest - random.int(0, 1);
			const cell = `${doctor.key}|${category}|${doctor.home}|${monthOfIndex(month)}`;
			if (taken.has(cell) || doctor.lastMonth < month) continue;
			const row = submissionRow({
				contributorKey: doctor.key,
				category,
				workMonth: monthOfIndex(month),
				areaCode: doctor.home,
				...fee,
				createdAt: reportedAt(random, month, today)
			});
			const reason = moderationReason(
				row.pence_per_hour,
				regionSpread(index, category, row.region_code, doctor.key)
			);
			if (!reason) continue;
			taken.add(cell);
			held.push({ ...row, status: 'held', moderation_reason: reason });
			break;
		}
	}
	return held;
}

/** The spread saveSubmission compares with: one median per doctor in the category × region. */
function regionSpread(index: RegionIndex, category: string, region: string, exceptKey: string) {
	const values: number[] = [];
	for (const [key, list] of index.get(`${category}|${region}`) ?? []) {
		if (key !== exceptKey) values.push(median(list));
	}
	return values.length >= 10 ? describeSpread(values) : null;
}

export async function countRateSubmissions(db: Db): Promise<number> {
	const { n } = await db
		.selectFrom('rate_submissions')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	return toNumber(n);
}

/**
 * Generates and stores the synthetic submissions as they are made, a few thousand rows per
 * statement, so a million never sit in memory at once; returns how many rows went in.
 */
export async function seedRateSubmissions(
	db: Db,
	options: SeedRatesOptions & { batchSize?: number; onProgress?: (rows: number) => void }
): Promise<number> {
	return insertSubmissionRows(
		db,
		rateSubmissionRows(options),
		options.onProgress,
		options.batchSize
	);
}

export interface DemoRatesSummary {
	/** False when the database already had submissions and only publication ran. */
	generated: boolean;
	submissions: number;
	held: number;
	snapshots: number;
	latest: { quarterEnd: string; cellsPublished: number; cellsSuppressed: number } | null;
}

export interface DemoRatesOptions {
	/** The overall seed (seed/random.ts); DEFAULT_SEED by default. */
	seed?: number;
	/** Runs once the submissions are stored, before any quarter is published. */
	beforePublish?: (db: Db) => Promise<void>;
}

/**
 * The demo's rates: synthetic submissions on an empty table, then every due quarter published,
 * which gives the map its latest figures and members their trend lines.
 */
export async function seedDemoRates(
	db: Db,
	today: string,
	{ seed, beforePublish }: DemoRatesOptions = {}
): Promise<DemoRatesSummary> {
	const generated = (await countRateSubmissions(db)) === 0;
	if (generated) await seedRateSubmissions(db, { today, seed });
	await beforePublish?.(db);
	await publishDueSnapshots(db, today, await publicationSettings(db), SYSTEM_ACTOR);

	const submissions = await countRateSubmissions(db);
	const held = await db
		.selectFrom('rate_submissions')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('status', '=', 'held')
		.executeTakeFirstOrThrow();
	const snapshots = await db
		.selectFrom('rate_snapshots')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	const latest = await db
		.selectFrom('rate_snapshots')
		.select(['quarter_end', 'cells_published', 'cells_suppressed'])
		.orderBy('quarter_end', 'desc')
		.limit(1)
		.executeTakeFirst();
	return {
		generated,
		submissions,
		held: toNumber(held.n),
		snapshots: toNumber(snapshots.n),
		latest: latest
			? {
					quarterEnd: latest.quarter_end,
					cellsPublished: latest.cells_published,
					cellsSuppressed: latest.cells_suppressed
				}
			: null
	};
}

/** One line for the seed script's output. */
export function describeDemoRates(summary: DemoRatesSummary): string {
	const n = (value: number) => value.toLocaleString('en-GB');
	const latest = summary.latest
		? `latest (quarter to ${summary.latest.quarterEnd}): ${n(summary.latest.cellsPublished)} cells published, ${n(summary.latest.cellsSuppressed)} suppressed`
		: 'nothing due for publication yet';
	return `Rates: ${n(summary.submissions)} submissions (${n(summary.held)} held for moderation), ${n(summary.snapshots)} snapshots; ${latest}.`;
}
