import type { SeededRandom } from "./seeded-random.js";

// The names people are recorded under, as this test's noise model writes them. Written for this
// test, apart from both the synthetic world's nickname list and the matcher's: a matcher that only
// knew a table would miss most of these, as it would in a real population.

/** Forms a given name is written in that do not follow from its spelling. */
// biome-ignore format: name lists read better packed
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  William: ["Bill", "Billy", "Will", "Liam"], Robert: ["Bob", "Bobby", "Rab", "Robbie"],
  Richard: ["Dick", "Rich", "Ricky"], Edward: ["Ted", "Ned", "Eddie"], John: ["Jack", "Johnny", "Jock"],
  James: ["Jim", "Jimmy", "Jamie", "Jas"], Margaret: ["Peggy", "Maggie", "Meg", "Madge", "Greta"],
  Mary: ["Molly", "Polly", "May"], Sarah: ["Sally", "Sadie", "Sal"], Elizabeth: ["Betty", "Bess", "Libby", "Liz", "Beth", "Elsie"],
  Henry: ["Harry", "Hal", "Hank"], Charles: ["Charlie", "Chas", "Chuck"], Anne: ["Annie", "Nancy", "Nan"],
  Ann: ["Annie", "Nancy"], Dorothy: ["Dot", "Dolly", "Dottie"], Patricia: ["Pat", "Patty", "Trish", "Tricia"],
  Catherine: ["Kate", "Cathy", "Kitty", "Cat"], Katherine: ["Kate", "Kathy", "Kitty", "Kat"],
  Christopher: ["Chris", "Kit", "Topher"], Michael: ["Mike", "Mick", "Micky", "Mikey"], Thomas: ["Tom", "Tommy", "Tommo"],
  Anthony: ["Tony", "Ant"], Andrew: ["Andy", "Drew"], Alexander: ["Alex", "Sandy", "Xander", "Sasha"],
  Alexandra: ["Alex", "Sandra", "Lexi", "Sasha"], Gary: ["Gaz"], Darren: ["Daz"], Sharon: ["Shaz"],
  Barry: ["Baz"], Terence: ["Terry", "Tel"], Lauren: ["Loz", "Laurie"], Jonathan: ["Jon", "Jonno", "Jonny"],
  Stephen: ["Steve", "Stevie", "Stevo"], Steven: ["Steve", "Stevie"], Joseph: ["Joe", "Joey", "Jos"],
  Francis: ["Frank", "Frankie"], Frances: ["Fran", "Fanny", "Frankie"], Victoria: ["Vicky", "Tori", "Vic"],
  Rebecca: ["Becky", "Becca", "Bex"], Jennifer: ["Jen", "Jenny", "Jenna"], Abigail: ["Abi", "Abby", "Gail"],
  Isabella: ["Bella", "Izzy", "Issy"], Eleanor: ["Ellie", "Nell", "Nora"], Olivia: ["Liv", "Livvy", "Ollie"],
  Samuel: ["Sam", "Sammy"], Benjamin: ["Ben", "Benny", "Benji"], Daniel: ["Dan", "Danny"], Matthew: ["Matt", "Matty"],
  Nicholas: ["Nick", "Nicky", "Nico"], Zachary: ["Zac", "Zak", "Zack"], Joshua: ["Josh"], Harrison: ["Harry", "Haz"],
  Frederick: ["Fred", "Freddie", "Freddy"], Alfred: ["Alf", "Alfie"], Archibald: ["Archie"], Theodore: ["Theo", "Ted"],
  Florence: ["Flo", "Florrie"], Matilda: ["Tilly", "Tilda", "Mattie"], Amelia: ["Millie", "Mia"], Emily: ["Em", "Emmy", "Millie"],
  Charlotte: ["Lottie", "Charlie", "Lotte"], Georgina: ["Georgie", "Gina"], Penelope: ["Penny", "Poppy"],
  Susan: ["Sue", "Susie", "Suzy"], Deborah: ["Debbie", "Debs", "Deb"], Christine: ["Chris", "Chrissie", "Tina"],
  Kimberley: ["Kim", "Kimmy"], Jacqueline: ["Jackie", "Jacqui"], Pamela: ["Pam"], Natalie: ["Nat", "Tally"],
  Natasha: ["Tash", "Tasha"], Mohammed: ["Mo", "Moe"], Muhammad: ["Mo"], Ibrahim: ["Ibby", "Ibo"],
  Aleksander: ["Olek", "Alek"], Katarzyna: ["Kasia", "Kate"], Małgorzata: ["Gosia", "Margaret"], Agnieszka: ["Aga"],
};

/** Spellings of the same name that sound alike. */
// biome-ignore format: name lists read better packed
const SPELLINGS: readonly (readonly string[])[] = [
  ["Stephen", "Steven", "Stefan"], ["Katherine", "Catherine", "Kathryn", "Katharine"], ["John", "Jon"],
  ["Sean", "Shaun", "Shawn"], ["Aisha", "Ayesha", "Aysha"], ["Mohammed", "Muhammad", "Mohamed", "Mohammad"],
  ["Jayden", "Jaden", "Jaiden"], ["Leigh", "Lee"], ["Philip", "Phillip"], ["Geoffrey", "Jeffrey"],
  ["Rachael", "Rachel"], ["Zoe", "Zoë", "Zoey"], ["Sophie", "Sofie", "Sophy"], ["Isabel", "Isobel", "Isabelle"],
  ["Eleanor", "Elinor", "Eleanore"], ["Hannah", "Hana", "Hanna"], ["Leah", "Lea"], ["Kayleigh", "Kayley", "Kaylee"],
  ["Lewis", "Louis"], ["Aidan", "Aiden", "Ayden"], ["Connor", "Conor"], ["Callum", "Calum"], ["Ellis", "Elis"],
  ["Thompson", "Thomson"], ["Mitchell", "Mitchel"], ["Davies", "Davis"], ["Matthews", "Mathews"],
  ["Macdonald", "McDonald", "MacDonald"], ["Mackenzie", "McKenzie"], ["Reid", "Reed", "Read"],
  ["Khan", "Kahn"], ["Hussain", "Hussein", "Husain"], ["Chaudhry", "Chaudhary", "Choudhury"],
  ["Kowalski", "Kowalsky"], ["Nowak", "Novak"], ["Wiśniewski", "Wisniewski"], ["Lewandowski", "Levandovski"],
];

const SPELLING_INDEX = new Map<string, readonly string[]>();
for (const group of SPELLINGS) {
  for (const name of group)
    SPELLING_INDEX.set(
      name,
      group.filter((other) => other !== name),
    );
}

/** Another spelling of the name, when this test knows one. */
export function spellingVariant(random: SeededRandom, name: string): string | null {
  const options = SPELLING_INDEX.get(name);
  return options && options.length > 0 ? random.pick(options) : null;
}

const VOWELS = /[aeiouy]/i;

/**
 * A form the person is called by: a conventional one when the name has one, otherwise one made the
 * way people make them: the first syllable (KEV, LUC, DOM), sometimes with a diminutive ending
 * (KEVVY, DOMMO, LUCIE). Null when the name is already short.
 */
export function calledBy(random: SeededRandom, name: string): string | null {
  const irregular = IRREGULAR[name];
  if (irregular && random.chance(0.7)) return random.pick(irregular);
  if (name.length < 5) return irregular ? random.pick(irregular) : null;
  return shortForm(random, name);
}

/** The first syllable of a name, as people cut it: up to the consonant after the first vowel. */
export function shortForm(random: SeededRandom, name: string): string | null {
  let index = 1;
  while (index < name.length && !VOWELS.test(name.charAt(index))) index++;
  while (index < name.length && VOWELS.test(name.charAt(index))) index++;
  const cut = name.slice(0, Math.min(name.length, index + 1));
  if (cut.length < 3 || cut.length >= name.length - 1) return null;
  const ending = random.weighted<string>([
    ["", 5],
    ["ie", 2],
    ["y", 2],
    ["o", 1],
  ]);
  if (ending === "") return cut;
  const last = cut.charAt(cut.length - 1);
  // DANNY, TOMMY, ROBBIE, MAGGIE double their consonant; KEVIE, LEWY, DAVIE do not.
  return "bdgmnpt".includes(last) ? `${cut}${last}${ending}` : `${cut}${ending}`;
}

// Keys next to each other on a UK keyboard, for slips of the finger.
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: "qsz",
  b: "vn",
  c: "xv",
  d: "sf",
  e: "wr",
  f: "dg",
  g: "fh",
  h: "gj",
  i: "uo",
  j: "hk",
  k: "jl",
  l: "k",
  m: "n",
  n: "bm",
  o: "ip",
  p: "o",
  q: "wa",
  r: "et",
  s: "ad",
  t: "ry",
  u: "yi",
  v: "cb",
  w: "qe",
  x: "zc",
  y: "tu",
  z: "x",
};

/** One slip typing a name: a neighbouring key, a letter dropped, doubled, or two swapped. */
export function typo(random: SeededRandom, name: string): string {
  if (name.length < 4) return `${name}${name.charAt(name.length - 1)}`;
  const at = random.int(1, name.length - 2);
  const letter = name.charAt(at);
  switch (random.int(0, 3)) {
    case 0: {
      const options = NEIGHBOURS[letter.toLowerCase()] ?? "e";
      return `${name.slice(0, at)}${random.pick([...options])}${name.slice(at + 1)}`;
    }
    case 1:
      return `${name.slice(0, at)}${name.slice(at + 1)}`;
    case 2:
      return `${name.slice(0, at)}${letter}${name.slice(at)}`;
    default:
      return `${name.slice(0, at)}${name.charAt(at + 1)}${letter}${name.slice(at + 2)}`;
  }
}
