// The UK geography hierarchy used for rate cells: nation → region (ITL1) → area (ICB / health board).
// Plain facts with no imports, so scripts, migrations and src/ can all read them.
//
// Sources:
// - Nations: ONS country codes (E92, S92, W92, N92).
// - Regions: ONS International Territorial Levels, ITL1 (codes TLC–TLN; unchanged in the ITL 2025
//   revision). Wales, Scotland and Northern Ireland are each one ITL1 region.
// - England: the 42 integrated care boards as in ONS "Integrated Care Boards (April 2023) Names and
//   Codes in EN", the structure still in force through 2024. In April 2023 Surrey Heartlands and Sussex
//   were recoded after a boundary change (E54000052 → E54000063, E54000053 → E54000064); older
//   datasets may still carry the 2022 codes.
// - Scotland: the 14 NHS health boards, 2019 codes (HB2019; Fife, Tayside, Greater Glasgow and Clyde and
//   Lanarkshire were recoded in 2018/2019 boundary changes, so S08000018/21/23/27 are obsolete).
// - Wales: the 7 local health boards (LHB, W11 codes as from April 2019).
// - Northern Ireland: one area for the whole nation (see NORTHERN_IRELAND_AREA_CODE).

export interface NationFact {
	code: string;
	name: string;
}

export interface RegionFact {
	/** ITL1 code, used as the region code throughout the app. */
	code: string;
	name: string;
	nationCode: NationCode;
}

export type AreaType = 'icb' | 'health_board' | 'local_health_board' | 'nation';

export interface AreaFact {
	code: string;
	/** Official name, e.g. "NHS Devon Integrated Care Board". */
	name: string;
	/** Display name, e.g. "Devon". */
	shortName: string;
	type: AreaType;
	regionCode: RegionCode;
}

export const NATIONS = [
	{ code: 'E92000001', name: 'England' },
	{ code: 'S92000003', name: 'Scotland' },
	{ code: 'W92000004', name: 'Wales' },
	{ code: 'N92000002', name: 'Northern Ireland' }
] as const satisfies readonly NationFact[];

export type NationCode = (typeof NATIONS)[number]['code'];

export const REGIONS = [
	{ code: 'TLC', name: 'North East', nationCode: 'E92000001' },
	{ code: 'TLD', name: 'North West', nationCode: 'E92000001' },
	{ code: 'TLE', name: 'Yorkshire and The Humber', nationCode: 'E92000001' },
	{ code: 'TLF', name: 'East Midlands', nationCode: 'E92000001' },
	{ code: 'TLG', name: 'West Midlands', nationCode: 'E92000001' },
	{ code: 'TLH', name: 'East of England', nationCode: 'E92000001' },
	{ code: 'TLI', name: 'London', nationCode: 'E92000001' },
	{ code: 'TLJ', name: 'South East', nationCode: 'E92000001' },
	{ code: 'TLK', name: 'South West', nationCode: 'E92000001' },
	{ code: 'TLL', name: 'Wales', nationCode: 'W92000004' },
	{ code: 'TLM', name: 'Scotland', nationCode: 'S92000003' },
	{ code: 'TLN', name: 'Northern Ireland', nationCode: 'N92000002' }
] as const satisfies readonly RegionFact[];

export type RegionCode = (typeof REGIONS)[number]['code'];

/**
 * Northern Ireland has no ONS code for a single health area below the nation (its five health and
 * social care trusts are not used here), and N92000002 is already the nation's code. Codes must be
 * unique across levels, so the area uses the ISO 3166-2 subdivision code instead.
 */
export const NORTHERN_IRELAND_AREA_CODE = 'GB-NIR';

// ICBs are grouped by ITL1 region. Two ICBs cross an ITL1 boundary and are placed in the region that
// holds most of their people (which also matches their NHS England region):
// - North East and North Cumbria: north Cumbria lies in the North West but holds only about a tenth
//   of the ICB's population → North East.
// - Bedfordshire, Luton and Milton Keynes: Milton Keynes is in the South East, the other three
//   places (about seven tenths of the population) are in the East of England → East of England.
// Frimley (parts of Surrey, Hampshire and Berkshire) lies wholly in the South East; Bath and North East
// Somerset, Swindon and Wiltshire lies wholly in the South West.
export const AREAS = [
	// North East (TLC)
	{
		code: 'E54000050',
		name: 'NHS North East and North Cumbria Integrated Care Board',
		shortName: 'North East and North Cumbria',
		type: 'icb',
		regionCode: 'TLC'
	},

	// North West (TLD)
	{
		code: 'E54000008',
		name: 'NHS Cheshire and Merseyside Integrated Care Board',
		shortName: 'Cheshire and Merseyside',
		type: 'icb',
		regionCode: 'TLD'
	},
	{
		code: 'E54000057',
		name: 'NHS Greater Manchester Integrated Care Board',
		shortName: 'Greater Manchester',
		type: 'icb',
		regionCode: 'TLD'
	},
	{
		code: 'E54000048',
		name: 'NHS Lancashire and South Cumbria Integrated Care Board',
		shortName: 'Lancashire and South Cumbria',
		type: 'icb',
		regionCode: 'TLD'
	},

	// Yorkshire and The Humber (TLE)
	{
		code: 'E54000051',
		name: 'NHS Humber and North Yorkshire Integrated Care Board',
		shortName: 'Humber and North Yorkshire',
		type: 'icb',
		regionCode: 'TLE'
	},
	{
		code: 'E54000061',
		name: 'NHS South Yorkshire Integrated Care Board',
		shortName: 'South Yorkshire',
		type: 'icb',
		regionCode: 'TLE'
	},
	{
		code: 'E54000054',
		name: 'NHS West Yorkshire Integrated Care Board',
		shortName: 'West Yorkshire',
		type: 'icb',
		regionCode: 'TLE'
	},

	// East Midlands (TLF)
	{
		code: 'E54000058',
		name: 'NHS Derby and Derbyshire Integrated Care Board',
		shortName: 'Derby and Derbyshire',
		type: 'icb',
		regionCode: 'TLF'
	},
	{
		code: 'E54000015',
		name: 'NHS Leicester, Leicestershire and Rutland Integrated Care Board',
		shortName: 'Leicester, Leicestershire and Rutland',
		type: 'icb',
		regionCode: 'TLF'
	},
	{
		code: 'E54000013',
		name: 'NHS Lincolnshire Integrated Care Board',
		shortName: 'Lincolnshire',
		type: 'icb',
		regionCode: 'TLF'
	},
	{
		code: 'E54000059',
		name: 'NHS Northamptonshire Integrated Care Board',
		shortName: 'Northamptonshire',
		type: 'icb',
		regionCode: 'TLF'
	},
	{
		code: 'E54000060',
		name: 'NHS Nottingham and Nottinghamshire Integrated Care Board',
		shortName: 'Nottingham and Nottinghamshire',
		type: 'icb',
		regionCode: 'TLF'
	},

	// West Midlands (TLG)
	{
		code: 'E54000055',
		name: 'NHS Birmingham and Solihull Integrated Care Board',
		shortName: 'Birmingham and Solihull',
		type: 'icb',
		regionCode: 'TLG'
	},
	{
		code: 'E54000062',
		name: 'NHS Black Country Integrated Care Board',
		shortName: 'Black Country',
		type: 'icb',
		regionCode: 'TLG'
	},
	{
		code: 'E54000018',
		name: 'NHS Coventry and Warwickshire Integrated Care Board',
		shortName: 'Coventry and Warwickshire',
		type: 'icb',
		regionCode: 'TLG'
	},
	{
		code: 'E54000019',
		name: 'NHS Herefordshire and Worcestershire Integrated Care Board',
		shortName: 'Herefordshire and Worcestershire',
		type: 'icb',
		regionCode: 'TLG'
	},
	{
		code: 'E54000011',
		name: 'NHS Shropshire, Telford and Wrekin Integrated Care Board',
		shortName: 'Shropshire, Telford and Wrekin',
		type: 'icb',
		regionCode: 'TLG'
	},
	{
		code: 'E54000010',
		name: 'NHS Staffordshire and Stoke-on-Trent Integrated Care Board',
		shortName: 'Staffordshire and Stoke-on-Trent',
		type: 'icb',
		regionCode: 'TLG'
	},

	// East of England (TLH)
	{
		code: 'E54000024',
		name: 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board',
		shortName: 'Bedfordshire, Luton and Milton Keynes',
		type: 'icb',
		regionCode: 'TLH'
	},
	{
		code: 'E54000056',
		name: 'NHS Cambridgeshire and Peterborough Integrated Care Board',
		shortName: 'Cambridgeshire and Peterborough',
		type: 'icb',
		regionCode: 'TLH'
	},
	{
		code: 'E54000025',
		name: 'NHS Hertfordshire and West Essex Integrated Care Board',
		shortName: 'Hertfordshire and West Essex',
		type: 'icb',
		regionCode: 'TLH'
	},
	{
		code: 'E54000026',
		name: 'NHS Mid and South Essex Integrated Care Board',
		shortName: 'Mid and South Essex',
		type: 'icb',
		regionCode: 'TLH'
	},
	{
		code: 'E54000022',
		name: 'NHS Norfolk and Waveney Integrated Care Board',
		shortName: 'Norfolk and Waveney',
		type: 'icb',
		regionCode: 'TLH'
	},
	{
		code: 'E54000023',
		name: 'NHS Suffolk and North East Essex Integrated Care Board',
		shortName: 'Suffolk and North East Essex',
		type: 'icb',
		regionCode: 'TLH'
	},

	// London (TLI)
	{
		code: 'E54000028',
		name: 'NHS North Central London Integrated Care Board',
		shortName: 'North Central London',
		type: 'icb',
		regionCode: 'TLI'
	},
	{
		code: 'E54000029',
		name: 'NHS North East London Integrated Care Board',
		shortName: 'North East London',
		type: 'icb',
		regionCode: 'TLI'
	},
	{
		code: 'E54000027',
		name: 'NHS North West London Integrated Care Board',
		shortName: 'North West London',
		type: 'icb',
		regionCode: 'TLI'
	},
	{
		code: 'E54000030',
		name: 'NHS South East London Integrated Care Board',
		shortName: 'South East London',
		type: 'icb',
		regionCode: 'TLI'
	},
	{
		code: 'E54000031',
		name: 'NHS South West London Integrated Care Board',
		shortName: 'South West London',
		type: 'icb',
		regionCode: 'TLI'
	},

	// South East (TLJ)
	{
		code: 'E54000044',
		name: 'NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board',
		shortName: 'Buckinghamshire, Oxfordshire and Berkshire West',
		type: 'icb',
		regionCode: 'TLJ'
	},
	{
		code: 'E54000034',
		name: 'NHS Frimley Integrated Care Board',
		shortName: 'Frimley',
		type: 'icb',
		regionCode: 'TLJ'
	},
	{
		code: 'E54000042',
		name: 'NHS Hampshire and Isle of Wight Integrated Care Board',
		shortName: 'Hampshire and Isle of Wight',
		type: 'icb',
		regionCode: 'TLJ'
	},
	{
		code: 'E54000032',
		name: 'NHS Kent and Medway Integrated Care Board',
		shortName: 'Kent and Medway',
		type: 'icb',
		regionCode: 'TLJ'
	},
	{
		code: 'E54000063',
		name: 'NHS Surrey Heartlands Integrated Care Board',
		shortName: 'Surrey Heartlands',
		type: 'icb',
		regionCode: 'TLJ'
	},
	{
		code: 'E54000064',
		name: 'NHS Sussex Integrated Care Board',
		shortName: 'Sussex',
		type: 'icb',
		regionCode: 'TLJ'
	},

	// South West (TLK)
	{
		code: 'E54000040',
		name: 'NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board',
		shortName: 'Bath and North East Somerset, Swindon and Wiltshire',
		type: 'icb',
		regionCode: 'TLK'
	},
	{
		code: 'E54000039',
		name: 'NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board',
		shortName: 'Bristol, North Somerset and South Gloucestershire',
		type: 'icb',
		regionCode: 'TLK'
	},
	{
		code: 'E54000036',
		name: 'NHS Cornwall and the Isles of Scilly Integrated Care Board',
		shortName: 'Cornwall and the Isles of Scilly',
		type: 'icb',
		regionCode: 'TLK'
	},
	{
		code: 'E54000037',
		name: 'NHS Devon Integrated Care Board',
		shortName: 'Devon',
		type: 'icb',
		regionCode: 'TLK'
	},
	{
		code: 'E54000041',
		name: 'NHS Dorset Integrated Care Board',
		shortName: 'Dorset',
		type: 'icb',
		regionCode: 'TLK'
	},
	{
		code: 'E54000043',
		name: 'NHS Gloucestershire Integrated Care Board',
		shortName: 'Gloucestershire',
		type: 'icb',
		regionCode: 'TLK'
	},
	{
		code: 'E54000038',
		name: 'NHS Somerset Integrated Care Board',
		shortName: 'Somerset',
		type: 'icb',
		regionCode: 'TLK'
	},

	// Wales (TLL): local health boards
	{
		code: 'W11000028',
		name: 'Aneurin Bevan University Health Board',
		shortName: 'Aneurin Bevan',
		type: 'local_health_board',
		regionCode: 'TLL'
	},
	{
		code: 'W11000023',
		name: 'Betsi Cadwaladr University Health Board',
		shortName: 'Betsi Cadwaladr',
		type: 'local_health_board',
		regionCode: 'TLL'
	},
	{
		code: 'W11000029',
		name: 'Cardiff and Vale University Health Board',
		shortName: 'Cardiff and Vale',
		type: 'local_health_board',
		regionCode: 'TLL'
	},
	{
		code: 'W11000030',
		name: 'Cwm Taf Morgannwg University Health Board',
		shortName: 'Cwm Taf Morgannwg',
		type: 'local_health_board',
		regionCode: 'TLL'
	},
	{
		code: 'W11000025',
		name: 'Hywel Dda University Health Board',
		shortName: 'Hywel Dda',
		type: 'local_health_board',
		regionCode: 'TLL'
	},
	{
		code: 'W11000024',
		name: 'Powys Teaching Health Board',
		shortName: 'Powys',
		type: 'local_health_board',
		regionCode: 'TLL'
	},
	{
		code: 'W11000031',
		name: 'Swansea Bay University Health Board',
		shortName: 'Swansea Bay',
		type: 'local_health_board',
		regionCode: 'TLL'
	},

	// Scotland (TLM): NHS health boards
	{
		code: 'S08000015',
		name: 'NHS Ayrshire and Arran',
		shortName: 'Ayrshire and Arran',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000016',
		name: 'NHS Borders',
		shortName: 'Borders',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000017',
		name: 'NHS Dumfries and Galloway',
		shortName: 'Dumfries and Galloway',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000029',
		name: 'NHS Fife',
		shortName: 'Fife',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000019',
		name: 'NHS Forth Valley',
		shortName: 'Forth Valley',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000020',
		name: 'NHS Grampian',
		shortName: 'Grampian',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000031',
		name: 'NHS Greater Glasgow and Clyde',
		shortName: 'Greater Glasgow and Clyde',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000022',
		name: 'NHS Highland',
		shortName: 'Highland',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000032',
		name: 'NHS Lanarkshire',
		shortName: 'Lanarkshire',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000024',
		name: 'NHS Lothian',
		shortName: 'Lothian',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000025',
		name: 'NHS Orkney',
		shortName: 'Orkney',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000026',
		name: 'NHS Shetland',
		shortName: 'Shetland',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000030',
		name: 'NHS Tayside',
		shortName: 'Tayside',
		type: 'health_board',
		regionCode: 'TLM'
	},
	{
		code: 'S08000028',
		name: 'NHS Western Isles',
		shortName: 'Western Isles',
		type: 'health_board',
		regionCode: 'TLM'
	},

	// Northern Ireland (TLN): the whole nation as one area
	{
		code: NORTHERN_IRELAND_AREA_CODE,
		name: 'Northern Ireland',
		shortName: 'Northern Ireland',
		type: 'nation',
		regionCode: 'TLN'
	}
] as const satisfies readonly AreaFact[];

export type AreaCode = (typeof AREAS)[number]['code'];
