/**
 * The MASH area: Leeds (LS postcode districts), with neighbouring Bradford, Wakefield, Kirklees,
 * Calderdale and North Yorkshire for people who moved in. Town and district names are real; streets,
 * house numbers, inward codes, UPRNs, GP practices and phone numbers are synthetic.
 *
 * Phone numbers come only from Ofcom's ranges reserved for drama (0113 496 0000-0999 for Leeds,
 * 020 7946 0000-0999 for London, 01632 960000-960999 with no area, 07700 900000-900999 mobile), so no
 * generated number can ring a real line.
 */

import { type Random, WeightedTable } from "./random.js";
import type { Address, LocalAuthorityContact } from "./types.js";

export type Area = "mash" | "neighbour";

interface District {
  outward: string;
  town: string;
  /** Relative population weight. */
  weight: number;
  /** Local street-name stems, for flavour. */
  stems: readonly string[];
  localAuthority: string;
}

const LEEDS = "Leeds City Council";

// biome-ignore format: one district per line
const mashDistricts: readonly District[] = [
  { outward: "LS1", town: "Leeds", weight: 1, stems: ["Park", "Wellington"], localAuthority: LEEDS },
  { outward: "LS2", town: "Leeds", weight: 1, stems: ["Woodhouse", "Clarendon"], localAuthority: LEEDS },
  { outward: "LS3", town: "Leeds", weight: 2, stems: ["Burley", "Kirkstall"], localAuthority: LEEDS },
  { outward: "LS4", town: "Leeds", weight: 3, stems: ["Burley", "Cardigan", "Haddon"], localAuthority: LEEDS },
  { outward: "LS5", town: "Leeds", weight: 3, stems: ["Kirkstall", "Abbey", "Hawksworth"], localAuthority: LEEDS },
  { outward: "LS6", town: "Leeds", weight: 6, stems: ["Headingley", "Thornville", "Brudenell", "Hyde Park", "Ash"], localAuthority: LEEDS },
  { outward: "LS7", town: "Leeds", weight: 5, stems: ["Chapeltown", "Reginald", "Cowper", "Potternewton"], localAuthority: LEEDS },
  { outward: "LS8", town: "Leeds", weight: 6, stems: ["Harehills", "Roundhay", "Bayswater", "Gathorne", "Luxor", "Conway"], localAuthority: LEEDS },
  { outward: "LS9", town: "Leeds", weight: 6, stems: ["Gipton", "Osmondthorpe", "Ebor", "Temple", "Harehills"], localAuthority: LEEDS },
  { outward: "LS10", town: "Leeds", weight: 5, stems: ["Hunslet", "Middleton", "Belle Isle", "Throstle"], localAuthority: LEEDS },
  { outward: "LS11", town: "Leeds", weight: 5, stems: ["Beeston", "Holbeck", "Cross Flatts", "Tempest"], localAuthority: LEEDS },
  { outward: "LS12", town: "Leeds", weight: 6, stems: ["Armley", "Wortley", "Town Street", "Tong"], localAuthority: LEEDS },
  { outward: "LS13", town: "Leeds", weight: 5, stems: ["Bramley", "Rodley", "Swinnow"], localAuthority: LEEDS },
  { outward: "LS14", town: "Leeds", weight: 5, stems: ["Seacroft", "Whinmoor", "Kentmere"], localAuthority: LEEDS },
  { outward: "LS15", town: "Leeds", weight: 5, stems: ["Halton", "Cross Gates", "Austhorpe"], localAuthority: LEEDS },
  { outward: "LS16", town: "Leeds", weight: 4, stems: ["Adel", "Cookridge", "Holt"], localAuthority: LEEDS },
  { outward: "LS17", town: "Leeds", weight: 4, stems: ["Moortown", "Alwoodley", "Shadwell"], localAuthority: LEEDS },
  { outward: "LS18", town: "Horsforth", weight: 2, stems: ["Horsforth", "Broadway"], localAuthority: LEEDS },
  { outward: "LS19", town: "Yeadon", weight: 2, stems: ["Yeadon", "Rawdon"], localAuthority: LEEDS },
  { outward: "LS20", town: "Guiseley", weight: 2, stems: ["Guiseley", "Oxford"], localAuthority: LEEDS },
  { outward: "LS21", town: "Otley", weight: 2, stems: ["Otley", "Wharfe", "Chevin"], localAuthority: LEEDS },
  { outward: "LS22", town: "Wetherby", weight: 2, stems: ["Wetherby", "Deighton"], localAuthority: LEEDS },
  { outward: "LS23", town: "Boston Spa", weight: 1, stems: ["Clifford", "Bramham"], localAuthority: LEEDS },
  { outward: "LS25", town: "Garforth", weight: 2, stems: ["Garforth", "Kippax", "Barwick"], localAuthority: LEEDS },
  { outward: "LS26", town: "Rothwell", weight: 2, stems: ["Rothwell", "Oulton", "Woodlesford"], localAuthority: LEEDS },
  { outward: "LS27", town: "Morley", weight: 3, stems: ["Morley", "Gildersome", "Churwell"], localAuthority: LEEDS },
  { outward: "LS28", town: "Pudsey", weight: 3, stems: ["Pudsey", "Farsley", "Calverley"], localAuthority: LEEDS },
];

// biome-ignore format: one district per line
const neighbourDistricts: readonly District[] = [
  { outward: "BD3", town: "Bradford", weight: 3, stems: ["Barkerend", "Thornbury"], localAuthority: "City of Bradford Metropolitan District Council" },
  { outward: "BD5", town: "Bradford", weight: 3, stems: ["Little Horton", "Bowling"], localAuthority: "City of Bradford Metropolitan District Council" },
  { outward: "BD8", town: "Bradford", weight: 3, stems: ["Manningham", "Girlington"], localAuthority: "City of Bradford Metropolitan District Council" },
  { outward: "BD10", town: "Bradford", weight: 2, stems: ["Idle", "Eccleshill"], localAuthority: "City of Bradford Metropolitan District Council" },
  { outward: "WF1", town: "Wakefield", weight: 2, stems: ["Northgate", "Eastmoor"], localAuthority: "Wakefield Metropolitan District Council" },
  { outward: "WF3", town: "Wakefield", weight: 2, stems: ["Outwood", "Lofthouse", "Ardsley"], localAuthority: "Wakefield Metropolitan District Council" },
  { outward: "WF10", town: "Castleford", weight: 2, stems: ["Airedale", "Glasshoughton"], localAuthority: "Wakefield Metropolitan District Council" },
  { outward: "WF17", town: "Batley", weight: 2, stems: ["Birstall", "Mount Pleasant"], localAuthority: "Kirklees Council" },
  { outward: "HD1", town: "Huddersfield", weight: 2, stems: ["Lockwood", "Paddock"], localAuthority: "Kirklees Council" },
  { outward: "HX1", town: "Halifax", weight: 1, stems: ["Pellon", "King Cross"], localAuthority: "Calderdale Metropolitan Borough Council" },
  { outward: "HG1", town: "Harrogate", weight: 1, stems: ["Bilton", "Starbeck"], localAuthority: "North Yorkshire Council" },
];

// biome-ignore format: word lists read better packed
const commonStems: readonly string[] = [
  "Elm", "Oak", "Beech", "Ash", "Cherry", "Holly", "Rowan", "Willow", "Sycamore", "Hawthorn",
  "Chestnut", "Laburnum", "Victoria", "Albert", "Queen's", "King's", "Church", "Chapel", "Mill",
  "Station", "Moor", "Park", "Hill", "Green", "Well", "Low", "High", "Manor", "Grange",
  "Springfield", "Fairfield", "Westfield", "Beechwood", "Oakwood", "Stanmore", "Recreation",
  "Cavendish", "Ashton", "Dorset", "Harold", "Brudenell", "Cardigan", "Granby", "Hanover",
  "Clifton", "Bankside", "Woodlands", "Farrar", "Back Nora", "Ingram", "Parkside", "Broad", "Kirk",
  "Lidgett", "Cragg", "Fearnville", "Ring", "Aberford", "Hollin", "Tinshill", "Stainbeck",
  "Shepherd's", "Gledhow", "Methley", "Nunroyd", "Brander", "Wykebeck", "Ullswater", "Coniston",
  "Rydal", "Grasmere",
];

// biome-ignore format: word lists read better packed
const suffixes: readonly string[] = [
  "Street", "Road", "Avenue", "Grove", "Terrace", "Place", "Mount", "View", "Crescent", "Drive",
  "Close", "Lane", "Gardens", "Walk", "Way", "Rise", "Court", "Approach", "Garth", "Fold", "Croft",
  "Row", "Vale", "Parade",
];

/** Inward-code unit letters: the postcode alphabet leaves out C, I, K, M, O and V. */
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
const INWARD_LETTER_LIST: readonly string[] = [...INWARD_LETTERS];

/** Rough number of distinct addresses (houses and flats) on an average generated street. */
const HOUSES_PER_STREET = 90;

export const localAuthorities: Record<string, LocalAuthorityContact> = {
  [LEEDS]: {
    name: LEEDS,
    code: "E08000035",
    officeHoursPhone: "0113 496 0412",
    outOfHoursPhone: "0113 496 0877",
  },
  "City of Bradford Metropolitan District Council": {
    name: "City of Bradford Metropolitan District Council",
    code: "E08000032",
    officeHoursPhone: "01632 960214",
    outOfHoursPhone: "01632 960733",
  },
  "Wakefield Metropolitan District Council": {
    name: "Wakefield Metropolitan District Council",
    code: "E08000036",
    officeHoursPhone: "01632 960318",
    outOfHoursPhone: "01632 960845",
  },
  "Kirklees Council": {
    name: "Kirklees Council",
    code: "E08000034",
    officeHoursPhone: "01632 960127",
    outOfHoursPhone: "01632 960691",
  },
  "Calderdale Metropolitan Borough Council": {
    name: "Calderdale Metropolitan Borough Council",
    code: "E08000033",
    officeHoursPhone: "01632 960452",
    outOfHoursPhone: "01632 960968",
  },
  "North Yorkshire Council": {
    name: "North Yorkshire Council",
    code: "E06000065",
    officeHoursPhone: "01632 960509",
    outOfHoursPhone: "01632 960906",
  },
};

export const mashLocalAuthority: LocalAuthorityContact = localAuthorities[
  LEEDS
] as LocalAuthorityContact;

/** DfE LA numbers, the first three digits of a UPN issued in that area. */
export const dfeLaNumbers: Record<string, number> = {
  [LEEDS]: 383,
  "City of Bradford Metropolitan District Council": 380,
  "Wakefield Metropolitan District Council": 384,
  "Kirklees Council": 382,
  "Calderdale Metropolitan Borough Council": 381,
  "North Yorkshire Council": 815,
};

export type DramaRange = "leeds" | "london" | "no_area" | "mobile";

export function dramaPhoneNumber(random: Random, range: DramaRange): string {
  const n = String(random.int(0, 999)).padStart(3, "0");
  switch (range) {
    case "leeds":
      return `0113 496 0${n}`;
    case "london":
      return `020 7946 0${n}`;
    case "no_area":
      return `01632 960${n}`;
    case "mobile":
      return `07700 900${n}`;
  }
}

interface Street {
  /** Position in the world's street list, for compact address keys. */
  index: number;
  name: string;
  district: District;
  /** Inward codes used along the street. */
  inward: string[];
  /** Terraced streets run to higher numbers than closes. */
  maxNumber: number;
  /** Inner-city streets (LS1-LS7) have more flats. */
  flatShare: number;
}

export interface GpPractice {
  code: string;
  name: string;
  outward: string;
}

const practiceForms: readonly ((stem: string) => string)[] = [
  (stem) => `${stem} Medical Centre`,
  (stem) => `${stem} Surgery`,
  (stem) => `${stem} Health Centre`,
  (stem) => `The ${stem} Practice`,
  (stem) => `${stem} Family Practice`,
  (stem) => `${stem} Lane Surgery`,
];

/** Streets, addresses and GP practices for one world. */
export class Places {
  private readonly mashStreets: WeightedTable<Street[]>;
  private readonly neighbourStreets: WeightedTable<Street[]>;
  /** (street, number, flat) of every address handed out, packed into one number. */
  private readonly used = new Set<number>();
  private streetCount = 0;
  private readonly streetNames = new Map<District, Set<string>>();
  private uprnCounter = 0;
  readonly practices: GpPractice[] = [];
  private readonly practicesByOutward = new Map<string, GpPractice[]>();

  /**
   * @param expectedAddresses how many addresses the world will ask for. Streets are laid out for about
   * four times that, so picking an unused house stays cheap; the area grows if it ever fills up.
   */
  constructor(
    private readonly random: Random,
    expectedAddresses: number,
  ) {
    const houses = expectedAddresses * 4;
    this.mashStreets = this.layOut(mashDistricts, houses * 0.9, 12);
    this.neighbourStreets = this.layOut(neighbourDistricts, houses * 0.1, 8);
    this.buildPractices();
  }

  private layOut(
    districts: readonly District[],
    houses: number,
    minimum: number,
  ): WeightedTable<Street[]> {
    const totalWeight = districts.reduce((sum, d) => sum + d.weight, 0);
    return new WeightedTable(
      districts.map((district) => {
        const count = Math.max(
          minimum,
          Math.ceil((houses * district.weight) / totalWeight / HOUSES_PER_STREET),
        );
        return [this.streetsFor(district, count), district.weight] as const;
      }),
    );
  }

  private streetsFor(district: District, count: number): Street[] {
    let names = this.streetNames.get(district);
    if (names === undefined) {
      names = new Set<string>();
      this.streetNames.set(district, names);
    }
    const streets: Street[] = [];
    let attempts = 0;
    while (streets.length < count) {
      attempts++;
      const stem = this.random.chance(0.4)
        ? this.random.pick(district.stems)
        : this.random.pick(commonStems);
      let name = stem === "Town Street" ? stem : `${stem} ${this.random.pick(suffixes)}`;
      // Every stem and suffix taken: big cities reuse names with a qualifier.
      if (attempts > count * 20)
        name = `${this.random.pick(["North", "South", "East", "West", "Upper", "Lower", "New", "Old"])} ${name}`;
      if (names.has(name)) continue;
      names.add(name);
      const sector = this.random.int(1, 9);
      const inward: string[] = [];
      const units = this.random.int(1, 3);
      for (let i = 0; i < units; i++) {
        inward.push(
          `${sector}${this.random.pick(INWARD_LETTER_LIST)}${this.random.pick(INWARD_LETTER_LIST)}`,
        );
      }
      const short = /Close|Court|Fold|Garth|Croft|Mount|Rise/.test(name);
      streets.push({
        index: this.streetCount++,
        name,
        district,
        inward,
        maxNumber: short ? this.random.int(8, 30) : this.random.int(30, 180),
        flatShare: /^LS[1-7]$/.test(district.outward) ? 0.3 : 0.08,
      });
    }
    return streets;
  }

  private buildPractices(): void {
    const codes = new Set<string>();
    for (const district of mashDistricts) {
      const count = Math.max(1, Math.round(district.weight * 0.8));
      for (let i = 0; i < count; i++) {
        let code: string;
        do {
          code = `B86${this.random.int(900, 999)}`;
        } while (codes.has(code));
        codes.add(code);
        const stem = this.random.pick([...district.stems, ...commonStems.slice(0, 30)]);
        const practice = {
          code,
          name: this.random.pick(practiceForms)(stem),
          outward: district.outward,
        };
        this.practices.push(practice);
        const list = this.practicesByOutward.get(district.outward) ?? [];
        list.push(practice);
        this.practicesByOutward.set(district.outward, list);
      }
    }
  }

  /** A practice near the address; people outside the area register with any practice. */
  practiceFor(address: Address): GpPractice {
    const outward = address.postcode.split(" ")[0] ?? "";
    const local = this.practicesByOutward.get(outward);
    if (local !== undefined && this.random.chance(0.85)) return this.random.pick(local);
    return this.random.pick(this.practices);
  }

  /** A new, unused residential address. */
  newAddress(area: Area): Address {
    const table = area === "mash" ? this.mashStreets : this.neighbourStreets;
    for (let attempt = 0; ; attempt++) {
      const streets = table.pick(this.random);
      if (attempt > 0 && attempt % 50 === 0) {
        // Crowded: a new street (a new estate) in the same district.
        const district = streets[0]?.district;
        if (district !== undefined) streets.push(...this.streetsFor(district, 1));
      }
      const street = this.random.pick(streets);
      const number = this.random.int(1, street.maxNumber);
      const flatNumber = this.random.chance(street.flatShare) ? this.random.int(1, 12) : 0;
      const key = (street.index * 256 + number) * 16 + flatNumber;
      if (this.used.has(key)) continue;
      this.used.add(key);
      const flat = flatNumber > 0 ? `Flat ${flatNumber}` : undefined;
      const line1 = `${number} ${street.name}`;
      // A house keeps one postcode: the unit follows from the house number.
      const postcode = `${street.district.outward} ${street.inward[Math.floor(number / 12) % street.inward.length]}`;
      this.uprnCounter++;
      // 12 digits in a block no council uses, unique by construction.
      const uprn = String(900_000_000_000 + this.uprnCounter * 7 + this.random.int(0, 6));
      const address: Address = { line1, town: street.district.town, postcode, uprn };
      if (flat !== undefined) address.line2 = flat;
      return address;
    }
  }

  /** The local authority an address lies in (for CP-IS responsible authority, UPN LA number). */
  localAuthorityOf(address: Address): LocalAuthorityContact {
    const outward = address.postcode.split(" ")[0] ?? "";
    const district =
      mashDistricts.find((d) => d.outward === outward) ??
      neighbourDistricts.find((d) => d.outward === outward);
    return localAuthorities[district?.localAuthority ?? LEEDS] ?? mashLocalAuthority;
  }

  /** The same postcode with one character of the inward code mistyped, still well-formed. */
  postcodeTypo(postcode: string): string {
    const [outward = "", inward = ""] = postcode.split(" ");
    const position = this.random.int(0, 2);
    let replacement: string;
    do {
      replacement =
        position === 0 ? String(this.random.int(0, 9)) : this.random.pick(INWARD_LETTER_LIST);
    } while (replacement === inward.charAt(position));
    return `${outward} ${inward.slice(0, position)}${replacement}${inward.slice(position + 1)}`;
  }
}

/** Outward codes of the MASH area, for tests and for the seeds' address search defaults. */
export const mashOutwardCodes: readonly string[] = mashDistricts.map((d) => d.outward);
export const neighbourOutwardCodes: readonly string[] = neighbourDistricts.map((d) => d.outward);
export const inwardLetters = INWARD_LETTERS;
