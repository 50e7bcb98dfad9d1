// Given-name families that no rule can derive: a formal name and the conventional forms it is
// recorded under when they do not start like it (BILL, PEGGY, SALLY, JACK) or when the pairing is
// so common that it deserves the stronger weight. Short forms that do start like the name or end
// like it (CHRIS, DANNY, BETH) are found by rule in `short-forms.ts`, at a lower weight; spelling
// variants and transliterations by phonetics and string similarity. This table is the matcher's
// own: the synthetic world draws its nicknames from a different list, so tests do not score a
// table against itself.
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
  ["MARY", "MOLLY", "POLLY", "MAE", "MAMIE", "MOLL"],
  ["SARAH", "SALLY", "SADIE", "SAL"],
  ["ANN", "ANNE", "ANNIE", "NANCY", "NAN", "ANNA"],
  ["DOROTHY", "DOT", "DOTTY", "DOLLY"],
  ["THERESA", "TERESA", "TESS", "TESSA", "TERRI", "TERRY", "TREES"],
  ["TERENCE", "TERRY", "TEL"],
  ["VIRGINIA", "GINNY", "GINGER"],
  ["JANE", "JENNY", "JANIE", "JAN"],
  ["ELIZABETH", "BESS", "BESSIE", "LIBBY", "ELSIE", "ELLIE"],
  ["MARGARET", "DAISY", "MADGE", "MAISIE", "GRETA", "RITA", "MAGS"],
  ["HENRY", "HANK"],
  ["JOHN", "JOCK", "JOHNNIE", "SEAN", "IAN"],
  ["JAMES", "JIMMIE", "JAS", "JAY"],
  ["EDMUND", "ED", "EDDIE", "TED", "NED"],
  ["THEODORE", "THEO", "TED", "TEDDY"],
  ["ALFRED", "ALF", "ALFIE", "FRED"],
  ["ALBERT", "BERT", "BERTIE", "ALBIE", "AL"],
  ["HERBERT", "BERT", "HERB", "BERTIE"],
  ["LEONARD", "LEN", "LENNY", "LEO"],
  ["RONALD", "RON", "RONNIE"],
  ["DONALD", "DON", "DONNIE"],
  ["KENNETH", "KEN", "KENNY"],
  ["RAYMOND", "RAY"],
  ["GERALD", "GERRY", "JERRY"],
  ["GERARD", "GERRY", "GED"],
  ["DERMOT", "DERM"],
  ["FRANCIS", "FRANK", "FRANKIE", "FRAN"],
  ["FRANCES", "FRAN", "FRANKIE", "FANNY"],
  ["HAROLD", "HARRY", "HAL"],
  ["CHRISTINE", "CHRIS", "CHRISSIE", "TINA"],
  ["CHRISTINA", "CHRIS", "CHRISSIE", "TINA", "KIRSTY"],
  ["KIRSTEN", "KIRSTY"],
  ["SUZANNE", "SUE", "SUZY", "SUSIE"],
  ["VALERIE", "VAL"],
  ["BARBARA", "BARB", "BABS"],
  ["HELEN", "NELL", "NELLIE"],
  ["CAROLINE", "CARO", "CAZ", "CARRIE"],
  ["CAROL", "CAZ"],
  ["SHARON", "SHAZ"],
  ["NATALIE", "NAT", "TALLY"],
  ["NATASHA", "TASHA", "NAT", "TASH"],
  ["GEOFFREY", "GEOFF", "JEFF"],
  ["JEFFREY", "JEFF"],
  ["TIMOTHY", "TIM", "TIMMY"],
  ["PHILIP", "PHIL", "PIP"],
  ["PHILLIP", "PHIL", "PIP"],
  ["DOMINIC", "DOM"],
  ["LAWRENCE", "LAURENCE", "LARRY", "LAURIE"],
  ["GREGORY", "GREG"],
  ["REGINALD", "REG", "REGGIE"],
  ["ARCHIBALD", "ARCHIE", "ARCH"],
  ["CAMERON", "CAM"],
  ["HARRISON", "HARRY"],
  ["HARVEY", "HARV"],
  ["LOUIS", "LOU", "LOUIE"],
  ["LOUISE", "LOU", "LOUIE"],
  ["JOSEPHINE", "JOSIE", "JO"],
  ["JOANNA", "JO"],
  ["JOANNE", "JO"],
  ["GEORGINA", "GEORGIE", "GINA"],
  ["GEORGIA", "GEORGIE"],
  ["PENELOPE", "PENNY"],
  ["WINIFRED", "WINNIE"],
  ["CORNELIUS", "CON", "NEIL"],
  ["CONSTANCE", "CONNIE"],
  ["DAMIAN", "DAMO"],
  ["DECLAN", "DEC"],
  ["CALLUM", "CAL"],
  ["MALCOLM", "MAL"],
  ["JOSEF", "JOE"],
  ["YUSUF", "YUSEF", "JOSEPH"],
  ["IBRAHIM", "ABRAHAM"],
  ["SULEIMAN", "SULAIMAN", "SOLOMON"],
  ["VLADIMIR", "VOVA", "VOLODYMYR"],
  ["DMITRI", "DIMA"],
  ["EKATERINA", "KATYA"],
  ["YEKATERINA", "KATYA"],
  ["ANASTASIA", "NASTYA", "STACEY"],
  ["YELENA", "LENA"],
  ["TOMASZ", "TOMEK"],
  ["PIOTR", "PIOTREK"],
  ["WOJCIECH", "WOJTEK"],
  ["KRZYSZTOF", "KRZYS"],
  ["AGNIESZKA", "AGA"],
  ["ROBERTO", "BETO"],
  ["FRANCESCO", "CHECCO"],
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
