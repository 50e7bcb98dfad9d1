// Common English given-name families: a formal name and the short forms it is recorded under.
// Deliberately short and conservative: a nickname link is strong evidence only when the pairing is
// conventional. Spelling variants and transliterations are left to phonetics and string similarity.
// biome-ignore format: name lists read better packed than one name per line
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ["WILLIAM", "WILL", "BILL", "BILLY", "LIAM", "WILLIE"],
  ["ELIZABETH", "LIZ", "BETH", "LIZZIE", "BETTY", "ELIZA", "LIZZY", "BETSY"],
  ["MARGARET", "MAGGIE", "PEGGY", "MEG", "MAGGY"],
  ["ROBERT", "ROB", "BOB", "BOBBY", "ROBBIE", "BERT"],
  ["RICHARD", "RICH", "DICK", "RICKY", "RICHIE", "RICK"],
  ["JAMES", "JIM", "JIMMY", "JAMIE"],
  ["JOHN", "JACK", "JOHNNY"],
  ["JONATHAN", "JON", "JONNY"],
  ["MICHAEL", "MIKE", "MICK", "MICKEY", "MIKEY"],
  ["THOMAS", "TOM", "TOMMY"],
  ["JOSEPH", "JOE", "JOEY"],
  ["DANIEL", "DAN", "DANNY"],
  ["MATTHEW", "MATT", "MATTY"],
  ["CHRISTOPHER", "CHRIS", "KIT"],
  ["NICHOLAS", "NICK", "NICKY"],
  ["ALEXANDER", "ALEX", "SANDY", "ALFIE"],
  ["ALEXANDRA", "ALEX", "SANDRA", "LEXI"],
  ["SAMUEL", "SAM", "SAMMY"],
  ["SAMANTHA", "SAM", "SAMMY"],
  ["BENJAMIN", "BEN", "BENNY", "BENJI"],
  ["ANTHONY", "TONY", "ANT"],
  ["EDWARD", "ED", "EDDIE", "TED", "TEDDY", "NED"],
  ["HENRY", "HARRY", "HAL"],
  ["CHARLES", "CHARLIE", "CHAS", "CHUCK"],
  ["CHARLOTTE", "CHARLIE", "LOTTIE", "LOTTE"],
  ["KATHERINE", "KATE", "KATIE", "KAT", "KATHY", "KITTY"],
  ["CATHERINE", "CATH", "CATHY", "CAT", "KATE", "KATIE"],
  ["REBECCA", "BECKY", "BECCA", "BEX"],
  ["VICTORIA", "VICKY", "TORI", "VIKKI"],
  ["JENNIFER", "JEN", "JENNY"],
  ["JESSICA", "JESS", "JESSIE"],
  ["ABIGAIL", "ABBY", "ABBIE", "ABI"],
  ["ELEANOR", "ELLIE", "NELL", "NELLIE", "ELLA"],
  ["ISABELLA", "ISABEL", "BELLA", "IZZY", "ISSY"],
  ["OLIVIA", "LIV", "LIVVY", "OLLIE"],
  ["OLIVER", "OLLIE", "OLLY"],
  ["FREDERICK", "FRED", "FREDDIE", "FREDDY"],
  ["GEORGE", "GEORDIE"],
  ["DAVID", "DAVE", "DAVY"],
  ["STEPHEN", "STEVE", "STEVIE"],
  ["STEVEN", "STEVE", "STEVIE"],
  ["PETER", "PETE"],
  ["ANDREW", "ANDY", "DREW"],
  ["PATRICK", "PAT", "PADDY"],
  ["PATRICIA", "PAT", "PATSY", "TRISH", "TRICIA"],
  ["SUSAN", "SUE", "SUSIE"],
  ["DEBORAH", "DEBBIE", "DEB"],
  ["JACQUELINE", "JACKIE"],
  ["GABRIEL", "GABE"],
  ["GABRIELLA", "GABBY", "ELLA"],
  ["JOSHUA", "JOSH"],
  ["ZACHARY", "ZAC", "ZACK"],
  ["NATHANIEL", "NATE", "NATHAN", "NAT"],
  ["MATILDA", "TILLY", "TILDA"],
  ["FLORENCE", "FLO", "FLOSSIE"],
  ["AMELIA", "MILLIE", "AMY"],
  ["EMILY", "EM", "MILLIE"],
  ["EMMA", "EM", "EMMIE"],
  ["MOHAMMED", "MO"],
  ["MUHAMMAD", "MO"],
  ["ALEKSANDER", "OLEK", "OLEKSANDR", "SASHA"],
  ["KATARZYNA", "KASIA"],
  ["MALGORZATA", "GOSIA"],
  ["ALEKSANDRA", "OLA"],
];

const GROUPS_BY_NAME = new Map<string, Set<number>>();
NICKNAME_GROUPS.forEach((group, index) => {
  for (const name of group) {
    const groups = GROUPS_BY_NAME.get(name) ?? new Set<number>();
    groups.add(index);
    GROUPS_BY_NAME.set(name, groups);
  }
});

/** Whether two normalised given names are conventional forms of one another ("BILL", "WILLIAM"). */
export function areNicknames(a: string, b: string): boolean {
  const groupsOfA = GROUPS_BY_NAME.get(a);
  const groupsOfB = GROUPS_BY_NAME.get(b);
  if (!groupsOfA || !groupsOfB) return false;
  for (const group of groupsOfA) if (groupsOfB.has(group)) return true;
  return false;
}

/** Every normalised given name the given one is a conventional form of, itself included. */
export function nicknameFamily(name: string): string[] {
  const family = new Set<string>([name]);
  for (const group of GROUPS_BY_NAME.get(name) ?? []) {
    for (const other of NICKNAME_GROUPS[group] ?? []) family.add(other);
  }
  return [...family];
}
