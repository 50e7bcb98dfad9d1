/**
 * Name pools for a synthetic population of an English city, and the variant groups that make record
 * matching hard. The pools are ordered most common first (the picker favours the front), and reflect
 * England's mix: English, Irish and Yorkshire surnames alongside South Asian, Eastern European, West
 * African, Caribbean, Somali, Arabic and Chinese names.
 *
 * The variant groups are exported for the matching engine: every name in a group may be written as any
 * other name in it by some agency. Groups may overlap (Kate is both Catherine and Katherine).
 */

import { type Random, WeightedTable } from "./random.js";
import type { Sex } from "./types.js";

export type NameOrigin =
  | "english"
  | "south_asian_muslim"
  | "indian"
  | "eastern_european"
  | "west_african"
  | "caribbean"
  | "somali"
  | "arabic"
  | "chinese";

/** Roughly a northern English city's mix; "english" includes Irish and mixed-heritage families. */
export const originWeights = new WeightedTable<NameOrigin>([
  ["english", 68],
  ["south_asian_muslim", 8],
  ["eastern_european", 7],
  ["indian", 4],
  ["west_african", 4],
  ["caribbean", 3],
  ["arabic", 2],
  ["somali", 2],
  ["chinese", 2],
]);

interface Pool {
  male: readonly string[];
  female: readonly string[];
}

// biome-ignore format: name lists read better packed than one name per line
const englishBornBefore1965: Pool = {
  male: [
    "John", "David", "Michael", "Peter", "Robert", "William", "James", "Brian", "Alan", "Kenneth",
    "Ronald", "Derek", "Keith", "Barry", "Colin", "Geoffrey", "Raymond", "Terence", "Dennis",
    "Leonard", "Frank", "George", "Harold", "Stanley", "Arthur", "Roy", "Trevor", "Malcolm",
    "Gordon", "Anthony", "Richard", "Stephen", "Christopher", "Thomas", "Joseph", "Edward",
    "Charles", "Frederick", "Albert", "Patrick", "Donald", "Gerald",
  ],
  female: [
    "Margaret", "Mary", "Patricia", "Susan", "Elizabeth", "Jean", "Barbara", "Christine", "Linda",
    "Sandra", "Carol", "Janet", "Pauline", "Jennifer", "Dorothy", "Joan", "Brenda", "Valerie",
    "Irene", "Sheila", "Doreen", "Maureen", "Kathleen", "Joyce", "Ann", "Anne", "Gillian", "Judith",
    "Beryl", "Eileen", "Elaine", "Catherine", "Shirley", "Wendy", "Hazel", "Pamela", "Betty",
    "Deborah",
  ],
};

// biome-ignore format: name lists read better packed than one name per line
const englishBorn1965to1994: Pool = {
  male: [
    "Paul", "Mark", "Andrew", "David", "Richard", "Darren", "Lee", "Craig", "Gary", "Jason",
    "Stephen", "Steven", "Matthew", "Christopher", "Daniel", "James", "Michael", "Wayne", "Dean",
    "Carl", "Karl", "Scott", "Neil", "Simon", "Martin", "Anthony", "Robert", "Ian", "Jonathan",
    "Adam", "Thomas", "Ryan", "Liam", "Jamie", "Shaun", "Sean", "Philip", "Phillip", "Kevin",
    "Nicholas", "Benjamin", "Mathew", "Alan", "Allan", "Brian", "Bryan", "William", "Joseph",
    "Samuel",
  ],
  female: [
    "Sarah", "Emma", "Claire", "Clare", "Lisa", "Nicola", "Kelly", "Joanne", "Michelle", "Rachel",
    "Rachael", "Laura", "Louise", "Helen", "Gemma", "Amanda", "Donna", "Tracey", "Tracy",
    "Samantha", "Victoria", "Rebecca", "Katherine", "Catherine", "Kathryn", "Hayley", "Stacey",
    "Leanne", "Natalie", "Jennifer", "Kimberley", "Danielle", "Charlotte", "Amy", "Zoe", "Kirsty",
    "Deborah", "Julie", "Karen", "Dawn", "Jessica", "Elizabeth", "Jodie", "Stacy", "Kirstie",
    "Ashleigh", "Patricia", "Margaret", "Abigail",
  ],
};

// biome-ignore format: name lists read better packed than one name per line
const englishBornSince1995: Pool = {
  male: [
    "Oliver", "Jack", "Harry", "George", "Noah", "Charlie", "Jacob", "Alfie", "Freddie", "Oscar",
    "Leo", "Archie", "Theo", "Thomas", "William", "James", "Joshua", "Ethan", "Mason", "Riley",
    "Tyler", "Logan", "Lewis", "Kyle", "Callum", "Connor", "Jayden", "Jaden", "Aiden", "Aidan",
    "Harvey", "Max", "Samuel", "Daniel", "Alexander", "Henry", "Lucas", "Finley", "Reuben", "Tommy",
    "Frankie", "Bobby", "Teddy", "Arthur", "Louie", "Kian", "Brandon", "Liam", "Jake", "Ben",
    "Benjamin", "Matthew", "Edward", "Frederick", "Nathan",
  ],
  female: [
    "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Sofia", "Sophie", "Grace", "Lily",
    "Lilly", "Freya", "Ella", "Mia", "Isabella", "Isabelle", "Isobel", "Poppy", "Evie", "Chloe",
    "Ruby", "Jessica", "Millie", "Daisy", "Phoebe", "Scarlett", "Eleanor", "Ellie", "Layla",
    "Holly", "Megan", "Courtney", "Chelsea", "Paige", "Jade", "Shannon", "Bethany", "Abigail",
    "Charlotte", "Hannah", "Leah", "Lea", "Zoe", "Katie", "Kayleigh", "Molly", "Niamh", "Harriet",
    "Elizabeth", "Amber", "Caitlin", "Demi", "Tia", "Lacey", "Haley", "Hayley", "Rebecca",
    "Victoria", "Alexandra", "Samantha",
  ],
};

// biome-ignore format: name lists read better packed than one name per line
const otherPools: Record<Exclude<NameOrigin, "english">, Pool> = {
  south_asian_muslim: {
    male: [
      "Mohammed", "Muhammad", "Ali", "Imran", "Adnan", "Usman", "Bilal", "Hamza", "Zain", "Ibrahim",
      "Yusuf", "Ayaan", "Rehan", "Tariq", "Asif", "Zubair", "Kamran", "Abdul", "Hassan", "Mohammad",
      "Umar", "Omar", "Shahid", "Arif", "Faisal", "Zakariya",
    ],
    female: [
      "Aisha", "Ayesha", "Fatima", "Maryam", "Zainab", "Khadija", "Hafsa", "Amina", "Sana", "Nadia",
      "Samina", "Shabana", "Nusrat", "Rubina", "Iqra", "Aleena", "Anaya", "Inaya", "Mariam",
      "Fatimah", "Saima", "Noreen", "Hina", "Sadia",
    ],
  },
  indian: {
    male: [
      "Harpreet", "Gurpreet", "Jaspal", "Manjit", "Sukhdev", "Arjun", "Rohan", "Amit", "Raj",
      "Vikram", "Sanjay", "Nikhil", "Dev", "Aarav", "Jaswinder", "Rajinder", "Kulvinder", "Anil",
      "Ravi", "Suresh",
    ],
    female: [
      "Priya", "Pooja", "Simran", "Jasleen", "Manpreet", "Navneet", "Anjali", "Sunita", "Kiran",
      "Asha", "Meera", "Divya", "Harleen", "Rupinder", "Baljit", "Neha", "Anika", "Harpreet",
      "Gurpreet",
    ],
  },
  eastern_european: {
    male: [
      "Jakub", "Kacper", "Mateusz", "Piotr", "Tomasz", "Paweł", "Łukasz", "Michał", "Krzysztof",
      "Marek", "Andrei", "Mihai", "Adrian", "Dominik", "Patrik", "Marius", "Wojciech", "Kamil",
      "Bartosz", "Szymon", "Lukáš", "Ionuț", "Aleksander",
    ],
    female: [
      "Zofia", "Julia", "Zuzanna", "Anna", "Katarzyna", "Agnieszka", "Małgorzata", "Magdalena",
      "Joanna", "Aleksandra", "Ioana", "Elena", "Andreea", "Natália", "Denisa", "Monika", "Natalia",
      "Oliwia", "Wiktoria", "Maja", "Alexandra",
    ],
  },
  west_african: {
    male: [
      "Chinedu", "Emeka", "Oluwaseun", "Tunde", "Babatunde", "Kwame", "Kofi", "Kwabena", "Yaw",
      "Daniel", "David", "Samuel", "Emmanuel", "Ifeanyi", "Femi", "Olumide", "Tobi", "Divine",
      "Chukwuemeka", "Adebayo", "Joshua", "Michael",
    ],
    female: [
      "Chioma", "Ngozi", "Adaeze", "Funmilayo", "Folake", "Abena", "Ama", "Akosua", "Esther",
      "Blessing", "Grace", "Precious", "Favour", "Adwoa", "Temitope", "Oluwatobi", "Ifeoma", "Ruth",
      "Deborah", "Comfort",
    ],
  },
  caribbean: {
    male: [
      "Delroy", "Winston", "Leroy", "Marcus", "Andre", "Jermaine", "Tyrone", "Dwayne", "Kemar",
      "Jahmal", "Malachi", "Isaiah", "Elijah", "Kai", "Clive", "Errol", "Nathaniel", "Jordan",
    ],
    female: [
      "Marcia", "Sharon", "Beverley", "Paulette", "Shanice", "Keisha", "Tanisha", "Jada", "Aaliyah",
      "Kiara", "Nia", "Imani", "Yvonne", "Maxine", "Chantelle", "Jasmine",
    ],
  },
  somali: {
    male: [
      "Abdirahman", "Abdullahi", "Mohamed", "Ahmed", "Hassan", "Hussein", "Abdi", "Omar", "Yusuf",
      "Ismail", "Mahad", "Liban", "Khalid", "Abdikarim", "Mohamud", "Abdulkadir",
    ],
    female: [
      "Hodan", "Amina", "Fadumo", "Faduma", "Ayan", "Sahra", "Hibo", "Ifrah", "Ubah", "Nimco",
      "Deeqa", "Sagal", "Hamdi", "Khadra", "Maryan", "Asha",
    ],
  },
  arabic: {
    male: [
      "Mohammed", "Ahmed", "Omar", "Khaled", "Yousef", "Ali", "Hassan", "Mustafa", "Karim", "Adam",
      "Rami", "Hamza", "Ibrahim", "Tariq", "Samir", "Youssef",
    ],
    female: [
      "Fatima", "Maryam", "Noor", "Layla", "Sara", "Huda", "Rania", "Yasmin", "Amira", "Hana",
      "Salma", "Zahra", "Rana", "Leila", "Dalia",
    ],
  },
  chinese: {
    male: [
      "Wei", "Jun", "Hao", "Jian", "Ming", "Kevin", "Jason", "Eric", "Tony", "Zihan", "Yichen",
      "Haoran", "Kai", "Jie",
    ],
    female: [
      "Mei", "Xin", "Ling", "Yan", "Jing", "Hui", "Ying", "Grace", "Jenny", "Vivian", "Zixuan",
      "Yutong", "Ruoxi", "Lina",
    ],
  },
};

// biome-ignore format: name lists read better packed than one name per line
const surnames: Record<NameOrigin, readonly string[]> = {
  english: [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
    "Clarke", "Hughes", "Edwards", "Harrison", "Turner", "Hill", "Moore", "Cooper", "Ward",
    "Morris", "King", "Watson", "Harris", "Baker", "Young", "Mitchell", "Lewis", "Allen", "Martin",
    "Clark", "Scott", "Carter", "Kelly", "Murphy", "O'Brien", "O'Neill", "Byrne", "Walsh", "Ryan",
    "Hirst", "Sutcliffe", "Holroyd", "Ackroyd", "Greenwood", "Barraclough", "Ramsden", "Firth",
    "Haigh", "Crowther", "Shaw", "Dawson", "Marsden", "Pickles", "Atkinson", "Brook", "Hargreaves",
    "Lockwood", "Priestley", "Bottomley", "Illingworth", "Hepworth", "Booth", "Naylor", "Thomson",
    "Davis", "Phillips", "Reid", "Gray", "Matthews", "Stephens", "McKenzie", "McDonald", "Smyth",
    "Stevens", "Grey", "Mathews", "Philips", "Read", "Reed", "Mackenzie", "Macdonald", "Fletcher",
    "Barker", "Holmes", "Lees", "Whitaker", "Parkinson", "Sykes", "Armitage", "Rhodes", "Beaumont",
    "Jennings", "Kaye", "Exley", "Pearson", "Binns", "Mortimer", "Midgley",
  ],
  south_asian_muslim: [
    "Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Rashid", "Butt", "Shah",
    "Chowdhury", "Rahman", "Uddin", "Miah", "Malik", "Aslam", "Sadiq", "Javed", "Hussein", "Ahmad",
    "Choudhury", "Mehmood", "Rehman", "Chaudhry", "Akhter", "Rasheed",
  ],
  indian: [
    "Singh", "Patel", "Sharma", "Kumar", "Gill", "Sandhu", "Dhillon", "Bains", "Sidhu", "Mistry",
    "Chauhan", "Parmar", "Joshi", "Johal", "Virdee", "Lal",
  ],
  eastern_european: [
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
    "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Popescu",
    "Ionescu", "Popa", "Horváth", "Balog", "Kováč", "Dumitru", "Nowakowski",
  ],
  west_african: [
    "Okafor", "Okonkwo", "Adeyemi", "Adebayo", "Ogunleye", "Eze", "Nwosu", "Mensah", "Owusu",
    "Boateng", "Asante", "Osei", "Appiah", "Bello", "Afolabi", "Adeleke", "Chukwu", "Obi",
    "Oyelaran", "Addo",
  ],
  caribbean: [
    "Campbell", "Brown", "Williams", "Thomas", "Francis", "Grant", "Reid", "Henry", "Clarke",
    "Lewis", "Gordon", "Morgan", "Bailey", "McKenzie", "Simpson", "Edwards", "Richards", "Powell",
    "Hylton", "Samuels",
  ],
  somali: [
    "Mohamed", "Ahmed", "Hassan", "Ali", "Farah", "Warsame", "Jama", "Osman", "Aden", "Abdi",
    "Hirsi", "Nur", "Ismail", "Yusuf", "Egal", "Mohamud",
  ],
  arabic: [
    "Al-Hashimi", "Al-Tamimi", "Haddad", "Saleh", "Mansour", "Abdullah", "Hamid", "Karim", "Nasser",
    "Rashid", "Khalil", "Aziz", "Mustafa", "Ahmadi", "Rahimi", "Al-Jaber",
  ],
  chinese: [
    "Chen", "Wang", "Li", "Zhang", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lin", "Chan",
    "Wong", "Lee", "Cheung", "Ng", "Lau", "Ho", "Leung", "Tang",
  ],
};

// ---------------------------------------------------------------------------------------------
// Variant groups
// ---------------------------------------------------------------------------------------------

/** Formal name first; agencies record any member for the same person. */
export const nicknameGroups: readonly (readonly string[])[] = [
  ["William", "Will", "Bill", "Billy", "Liam"],
  ["Elizabeth", "Liz", "Beth", "Lizzie", "Betty", "Eliza"],
  ["Margaret", "Maggie", "Peggy", "Meg", "Maggy"],
  ["Robert", "Rob", "Bob", "Bobby", "Robbie"],
  ["Richard", "Rich", "Dick", "Ricky", "Richie"],
  ["James", "Jim", "Jimmy", "Jamie"],
  ["John", "Jack", "Johnny"],
  ["Jonathan", "Jon", "Jonny"],
  ["Michael", "Mike", "Mick", "Mickey"],
  ["Thomas", "Tom", "Tommy"],
  ["Christopher", "Chris", "Kit"],
  ["Anthony", "Tony", "Ant"],
  ["Alexander", "Alex", "Xander", "Sandy"],
  ["Alexandra", "Alex", "Lexi", "Sandra"],
  ["Daniel", "Dan", "Danny"],
  ["David", "Dave", "Davy"],
  ["Edward", "Ed", "Eddie", "Ted", "Ned"],
  ["Joseph", "Joe", "Joey"],
  ["Samuel", "Sam", "Sammy"],
  ["Samantha", "Sam", "Sammie"],
  ["Matthew", "Matt", "Matty"],
  ["Nicholas", "Nick", "Nicky"],
  ["Benjamin", "Ben", "Benny"],
  ["Kimberley", "Kim"],
  ["Jennifer", "Jen", "Jenny"],
  ["Rebecca", "Becky", "Becca"],
  ["Victoria", "Vicky", "Tori"],
  ["Catherine", "Cathy", "Kate", "Katie", "Cath"],
  ["Katherine", "Kathy", "Kate", "Katie", "Kath"],
  ["Patricia", "Pat", "Trish", "Patsy"],
  ["Susan", "Sue", "Susie"],
  ["Deborah", "Debbie", "Debs"],
  ["Charlotte", "Charlie", "Lottie"],
  ["Charles", "Charlie", "Chas", "Chuck"],
  ["Frederick", "Fred", "Freddie", "Freddy"],
  ["Henry", "Harry", "Hal"],
  ["Harold", "Harry"],
  ["Abigail", "Abbie", "Abby"],
  ["Olivia", "Liv", "Livvy"],
  ["Isabella", "Bella", "Izzy"],
  ["Isabelle", "Izzy", "Belle"],
  ["Amelia", "Millie", "Amy"],
  ["Eleanor", "Ellie", "Nell"],
  ["Jessica", "Jess", "Jessie"],
  ["Oliver", "Ollie"],
  ["Stephen", "Steve", "Stevie"],
  ["Steven", "Steve", "Stevie"],
  ["Timothy", "Tim"],
  ["Peter", "Pete"],
  ["Kenneth", "Ken", "Kenny"],
  ["Ronald", "Ron", "Ronnie"],
  ["Raymond", "Ray"],
  ["Terence", "Terry"],
  ["Leonard", "Len", "Lenny"],
  ["Geoffrey", "Geoff"],
  ["Andrew", "Andy", "Drew"],
  ["Philip", "Phil"],
  ["Gerald", "Gerry"],
  ["Patrick", "Pat", "Paddy"],
  ["Albert", "Bert", "Albie"],
  ["Arthur", "Art", "Artie"],
  ["Joshua", "Josh"],
  ["Nathaniel", "Nathan", "Nate"],
  ["Frankie", "Frank", "Francis"],
  ["Dorothy", "Dot", "Dotty"],
  ["Pamela", "Pam"],
  ["Christine", "Chris", "Chrissie"],
  ["Kathleen", "Kath", "Kathy"],
  ["Jacqueline", "Jackie"],
  ["Agnieszka", "Aga"],
  ["Katarzyna", "Kasia"],
  ["Małgorzata", "Gosia"],
  ["Aleksandra", "Ola"],
  ["Wojciech", "Wojtek"],
  ["Krzysztof", "Krzyś"],
  ["Mohammed", "Mo"],
  ["Oluwaseun", "Seun"],
  ["Oluwatobi", "Tobi"],
  ["Olumide", "Mide"],
  ["Babatunde", "Tunde"],
  ["Adebayo", "Bayo"],
  ["Chukwuemeka", "Emeka"],
  ["Abdirahman", "Abdi"],
];

export const givenSpellingGroups: readonly (readonly string[])[] = [
  ["Katherine", "Catherine", "Kathryn", "Katharine", "Cathryn"],
  ["Stephen", "Steven"],
  ["Philip", "Phillip"],
  ["Geoffrey", "Jeffrey"],
  ["Sean", "Shaun", "Shawn"],
  ["Leah", "Lea", "Leia"],
  ["Zoe", "Zoey", "Zoë"],
  ["Sophie", "Sofie"],
  ["Sophia", "Sofia"],
  ["Isabel", "Isabelle", "Isobel", "Isabella"],
  ["Lily", "Lilly", "Lillie"],
  ["Hayley", "Haley", "Hailey"],
  ["Ashley", "Ashleigh"],
  ["Jayden", "Jaden", "Jaiden", "Jaydon"],
  ["Aiden", "Aidan", "Ayden"],
  ["Matthew", "Mathew"],
  ["Carl", "Karl"],
  ["Claire", "Clare"],
  ["Ann", "Anne"],
  ["Rachel", "Rachael"],
  ["Nicola", "Nichola"],
  ["Tracey", "Tracy"],
  ["Stacey", "Stacy"],
  ["Kirsty", "Kirstie", "Kirstey"],
  ["Alan", "Allan", "Allen"],
  ["Brian", "Bryan"],
  ["Neil", "Neal"],
  ["Kayleigh", "Kayley", "Kaylee"],
  ["Jodie", "Jodi", "Jody"],
  ["Louie", "Louis"],
  ["Freddie", "Freddy"],
  ["Harvey", "Harvie"],
  ["Lacey", "Lacie"],
  ["Natalie", "Nathalie"],
  ["Kimberley", "Kimberly"],
  ["Jasmine", "Jasmin", "Yasmin"],
  ["Chantelle", "Shantelle"],
  ["Marcia", "Marsha"],
  ["Natalia", "Natália", "Natalija"],
];

/** Romanisations of the same name, and diacritics dropped by systems that cannot store them. */
export const givenTransliterationGroups: readonly (readonly string[])[] = [
  ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed", "Mohamad"],
  ["Aisha", "Ayesha", "Aysha", "Aishah"],
  ["Yusuf", "Yousef", "Yusef", "Youssef", "Yousuf"],
  ["Abdullah", "Abdulla", "Abdallah"],
  ["Hussain", "Hussein", "Husain", "Husein"],
  ["Fatima", "Fatimah", "Fatma"],
  ["Khadija", "Khadijah", "Khadeeja"],
  ["Zainab", "Zaynab", "Zenab"],
  ["Omar", "Umar"],
  ["Usman", "Osman", "Uthman", "Othman"],
  ["Ahmed", "Ahmad", "Ahmet"],
  ["Hassan", "Hasan"],
  ["Maryam", "Mariam", "Maryan"],
  ["Abdirahman", "Abdulrahman", "Abdurrahman"],
  ["Mohamud", "Mahmoud", "Mahmood", "Mahmud"],
  ["Fadumo", "Faduma", "Fadima"],
  ["Sahra", "Sahara", "Zahra"],
  ["Khaled", "Khalid"],
  ["Amina", "Aminah", "Ameena"],
  ["Noor", "Nur", "Nour"],
  ["Layla", "Laila", "Leila"],
  ["Hamza", "Hamzah"],
  ["Ibrahim", "Ebrahim", "Ibraheem"],
  ["Harpreet", "Harprit"],
  ["Gurpreet", "Gurprit"],
  ["Paweł", "Pawel"],
  ["Łukasz", "Lukasz"],
  ["Michał", "Michal"],
  ["Małgorzata", "Malgorzata"],
  ["Lukáš", "Lukas"],
  ["Ionuț", "Ionut"],
  ["Wei", "Way"],
  ["Jun", "Chun"],
  ["Zixuan", "Tzu-Hsuan"],
];

export const familySpellingGroups: readonly (readonly string[])[] = [
  ["Thompson", "Thomson", "Tompson"],
  ["Smith", "Smyth", "Smythe"],
  ["Davies", "Davis"],
  ["Phillips", "Philips"],
  ["Reid", "Reed", "Read"],
  ["Gray", "Grey"],
  ["Clarke", "Clark"],
  ["Matthews", "Mathews"],
  ["Stephens", "Stevens"],
  ["McKenzie", "Mackenzie", "MacKenzie"],
  ["McDonald", "Macdonald", "MacDonald"],
  ["O'Brien", "OBrien", "O Brien"],
  ["O'Neill", "O'Neil", "ONeill"],
  ["Hirst", "Hurst"],
  ["Brook", "Brooke"],
  ["Sutcliffe", "Sutcliff"],
  ["Priestley", "Priestly"],
  ["Ackroyd", "Akroyd"],
  ["Holroyd", "Holroyde"],
  ["Haigh", "Haig"],
  ["Kaye", "Kay"],
  ["Lees", "Leese"],
  ["Whitaker", "Whittaker"],
  ["Hylton", "Hilton"],
];

export const familyTransliterationGroups: readonly (readonly string[])[] = [
  ["Chowdhury", "Choudhury", "Chaudhry", "Chaudhary", "Choudhry"],
  ["Hussain", "Hussein", "Husain"],
  ["Ahmed", "Ahmad"],
  ["Mahmood", "Mehmood", "Mahmud", "Mohamud"],
  ["Rahman", "Rehman"],
  ["Uddin", "Udin", "Ud-Din"],
  ["Miah", "Mia", "Mian"],
  ["Akhtar", "Akhter"],
  ["Rashid", "Rasheed"],
  ["Mohamed", "Mohammed", "Muhammad"],
  ["Mansour", "Mansoor", "Mansur"],
  ["Mustafa", "Mustapha"],
  ["Osman", "Othman", "Usman"],
  ["Nur", "Noor"],
  ["Farah", "Farrah"],
  ["Aden", "Adan"],
  ["Jama", "Jamaa"],
  ["Al-Hashimi", "Al Hashimi", "Alhashimi", "Hashimi"],
  ["Al-Tamimi", "Al Tamimi", "Altamimi", "Tamimi"],
  ["Al-Jaber", "Al Jaber", "Aljaber", "Jaber"],
  ["Khalil", "Khaleel"],
  ["Chen", "Chan"],
  ["Zhang", "Cheung", "Chang"],
  ["Wang", "Wong"],
  ["Huang", "Wong"],
  ["Li", "Lee"],
  ["Wu", "Ng", "Woo"],
  ["Zhou", "Chow", "Chau"],
  ["Liu", "Lau", "Lao"],
  ["Lin", "Lam"],
  ["Yang", "Yeung"],
  ["He", "Ho"],
  ["Liang", "Leung"],
  ["Deng", "Tang"],
  ["Wiśniewski", "Wisniewski"],
  ["Wiśniewska", "Wisniewska"],
  ["Wójcik", "Wojcik"],
  ["Woźniak", "Wozniak"],
  ["Dąbrowski", "Dabrowski"],
  ["Dąbrowska", "Dabrowska"],
  ["Kozłowski", "Kozlowski"],
  ["Kozłowska", "Kozlowska"],
  ["Kamiński", "Kaminski"],
  ["Kamińska", "Kaminska"],
  ["Zieliński", "Zielinski"],
  ["Zielińska", "Zielinska"],
  ["Szymański", "Szymanski"],
  ["Szymańska", "Szymanska"],
  ["Horváth", "Horvath"],
  ["Horváthová", "Horvathova", "Horváth"],
  ["Kováč", "Kovac", "Kovacs"],
  ["Kováčová", "Kovacova", "Kováč"],
  ["Balogová", "Balogova", "Balog"],
];

export const givenNameVariantGroups: readonly (readonly string[])[] = [
  ...nicknameGroups,
  ...givenSpellingGroups,
  ...givenTransliterationGroups,
];

export const familyNameVariantGroups: readonly (readonly string[])[] = [
  ...familySpellingGroups,
  ...familyTransliterationGroups,
];

/** For each name, every other name it shares a group with. */
export class VariantIndex {
  private readonly alternatives = new Map<string, string[]>();

  constructor(groups: readonly (readonly string[])[]) {
    for (const group of groups) {
      for (const name of group) {
        let list = this.alternatives.get(name);
        if (list === undefined) {
          list = [];
          this.alternatives.set(name, list);
        }
        for (const other of group) {
          if (other !== name && !list.includes(other)) list.push(other);
        }
      }
    }
  }

  of(name: string): readonly string[] {
    return this.alternatives.get(name) ?? [];
  }
}

export const nicknames = new VariantIndex(nicknameGroups);
export const givenSpellings = new VariantIndex(givenSpellingGroups);
export const givenTransliterations = new VariantIndex(givenTransliterationGroups);
export const familySpellings = new VariantIndex(familySpellingGroups);
export const familyTransliterations = new VariantIndex(familyTransliterationGroups);

// ---------------------------------------------------------------------------------------------
// Picking and altering names
// ---------------------------------------------------------------------------------------------

/** Favours the front of a pool so that pools ordered by frequency give a realistic spread. */
function pickCommon(random: Random, pool: readonly string[]): string {
  return pool[Math.floor(pool.length * random.float() ** 1.7)] as string;
}

export function pickGivenName(
  random: Random,
  origin: NameOrigin,
  sex: Sex,
  birthYear: number,
): string {
  let pool: Pool;
  if (origin === "english") {
    pool =
      birthYear < 1965
        ? englishBornBefore1965
        : birthYear < 1995
          ? englishBorn1965to1994
          : englishBornSince1995;
  } else {
    pool = otherPools[origin];
  }
  return pickCommon(random, sex === "female" ? pool.female : pool.male);
}

export function pickFamilyName(random: Random, origin: NameOrigin): string {
  return pickCommon(random, surnames[origin]);
}

const SLOVAK = new Set(["Horváth", "Balog", "Kováč"]);

/**
 * The form of a family surname a person of this sex carries: Polish -ski/-cki surnames take -ska/-cka
 * for women, Slovak ones take -ová. The family shares one surname but not one spelling of it.
 */
export function familyNameForSex(familyName: string, sex: Sex): string {
  if (sex === "male") return familyName;
  if (/(ski|cki|dzki)$/.test(familyName)) return `${familyName.slice(0, -1)}a`;
  if (SLOVAK.has(familyName)) return `${familyName}ová`;
  return familyName;
}

/** The masculine (dictionary) form of a possibly feminine surname, to share it within a family. */
export function familyNameStem(familyName: string): string {
  if (/(ska|cka|dzka)$/.test(familyName)) return `${familyName.slice(0, -1)}i`;
  if (familyName.endsWith("ová")) return familyName.slice(0, -3);
  return familyName;
}

const FOLD: Record<string, string> = { ł: "l", Ł: "L", ø: "o", Ø: "O", ß: "ss" };

const folded = new Map<string, string>();

/** What a system that only stores A-Z makes of a name. */
export function asciiFold(name: string): string {
  let result = folded.get(name);
  if (result === undefined) {
    result = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[łŁøØß]/g, (ch) => FOLD[ch] ?? ch);
    // Names come from fixed pools (and their typos), so the cache stays small.
    if (folded.size < 50_000) folded.set(name, result);
  }
  return result;
}

// biome-ignore format: name lists read better packed than one name per line
const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "sqz", b: "vn", c: "xv", d: "sf", e: "wr", f: "dg", g: "fh", h: "gj", i: "uo", j: "hk",
  k: "jl", l: "k", m: "n", n: "bm", o: "ip", p: "o", q: "w", r: "et", s: "ad", t: "ry", u: "yi",
  v: "cb", w: "qe", x: "zc", y: "tu", z: "x",
};

/** One keyboard slip: a neighbouring key, a dropped or doubled letter, or two letters swapped. */
export function typo(random: Random, name: string): string {
  const slipped = slip(random, name);
  // Swapping two equal letters changes nothing; dropping a letter always does.
  return slipped === name ? `${name.slice(0, -1)}` : slipped;
}

function slip(random: Random, name: string): string {
  if (name.length < 3) return `${name}${name.charAt(name.length - 1).toLowerCase()}`;
  // The first letter is usually right: people read it back.
  const i = random.int(1, name.length - 1);
  const ch = name.charAt(i);
  const lower = ch.toLowerCase();
  switch (random.int(0, 3)) {
    case 0: {
      const options = KEYBOARD_NEIGHBOURS[lower];
      if (options !== undefined)
        return `${name.slice(0, i)}${random.pick([...options])}${name.slice(i + 1)}`;
      return `${name.slice(0, i)}${name.slice(i + 1)}`;
    }
    case 1:
      return `${name.slice(0, i)}${name.slice(i + 1)}`;
    case 2:
      return `${name.slice(0, i)}${ch}${name.slice(i)}`;
    default: {
      if (i === name.length - 1) return `${name.slice(0, i - 1)}${ch}${name.charAt(i - 1)}`;
      const next = name.charAt(i + 1);
      if (next === ch) return `${name.slice(0, i)}${name.slice(i + 1)}`;
      return `${name.slice(0, i)}${next}${ch}${name.slice(i + 2)}`;
    }
  }
}
