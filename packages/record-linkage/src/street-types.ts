// The words of a UK address line in one form, so that "14 Elm Rd" and "14 ELM ROAD" are one
// address. The abbreviations are those Royal Mail and local authority systems commonly write
// (BS 7666 street descriptors and their usual short forms), mapped to the full word.
// biome-ignore format: the table reads better packed
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  RD: "ROAD", ST: "STREET", STR: "STREET", AVE: "AVENUE", AV: "AVENUE", AVN: "AVENUE",
  CRES: "CRESCENT", CRESC: "CRESCENT", CRS: "CRESCENT", CR: "CRESCENT", DR: "DRIVE", DRV: "DRIVE",
  LN: "LANE", LA: "LANE", CL: "CLOSE", CLS: "CLOSE", CT: "COURT", CRT: "COURT",
  GDNS: "GARDENS", GDN: "GARDEN", GRDNS: "GARDENS", GR: "GROVE", GRV: "GROVE", GRO: "GROVE",
  PL: "PLACE", SQ: "SQUARE", TER: "TERRACE", TERR: "TERRACE", TCE: "TERRACE", PK: "PARK",
  PDE: "PARADE", WY: "WAY", WLK: "WALK", MWS: "MEWS", VW: "VIEW", HL: "HILL", GRN: "GREEN",
  CIR: "CIRCUS", CHSE: "CHASE", APP: "APPROACH", APPR: "APPROACH", BLVD: "BOULEVARD",
  ESP: "ESPLANADE", EMB: "EMBANKMENT", HTS: "HEIGHTS", MDWS: "MEADOWS", GTE: "GATE",
  BDWY: "BROADWAY", BWAY: "BROADWAY", BRW: "BROW", CNR: "CORNER", CTS: "COURTS", CSWY: "CAUSEWAY",
  FLDS: "FIELDS", GLN: "GLEN", LDG: "LODGE", PKWY: "PARKWAY", PROM: "PROMENADE", RDGE: "RIDGE",
  RI: "RISE", RW: "ROW", SQS: "SQUARES", VLE: "VALE", VLS: "VILLAS", WHF: "WHARF", YD: "YARD",
  UPR: "UPPER", LWR: "LOWER", GT: "GREAT", LT: "LITTLE", NTH: "NORTH", STH: "SOUTH",
  FLT: "FLAT", APT: "APARTMENT", HSE: "HOUSE", BLDG: "BUILDING", BLDGS: "BUILDINGS",
};

/**
 * "ST" is SAINT before a name ("St Mary's Road") and STREET at the end ("High St"), as people
 * read it: by position.
 */
function expand(word: string, index: number, words: readonly string[]): string {
  if (word === "ST" && index < words.length - 1 && !/^\d/.test(words[index + 1] ?? "")) {
    return "SAINT";
  }
  return ABBREVIATIONS[word] ?? word;
}

/**
 * One form of an address line: upper case, accents and punctuation dropped ("St. Mary's" →
 * SAINT MARYS), abbreviations written out, a number and its letter kept together ("14 A" → 14A),
 * single spaces.
 */
export function normaliseAddressLine(line: string | null | undefined): string {
  if (!line) return "";
  const words = line
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/['’.]/g, "")
    .replace(/[^A-Z0-9]+/g, " ")
    .replace(/\b(\d+) ([A-Z])\b(?= [A-Z]{2,})/g, "$1$2")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0);
  return words.map(expand).join(" ");
}
