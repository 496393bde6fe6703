// Demo names and ethnicities. Names are grouped by heritage so that a person's recorded
// ethnicity (ONS 2021 census categories, as nDelius records them) is plausible for their
// name; the mix varies by region. Fictional people only.
import type { Random } from "./random";

type Heritage = {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  ethnicities: readonly string[];
};

const E = {
  whiteBritish: "White: English, Welsh, Scottish, Northern Irish or British",
  whiteIrish: "White: Irish",
  traveller: "White: Gypsy or Irish Traveller",
  otherWhite: "White: Any other White background",
  indian: "Asian or Asian British: Indian",
  pakistani: "Asian or Asian British: Pakistani",
  bangladeshi: "Asian or Asian British: Bangladeshi",
  chinese: "Asian or Asian British: Chinese",
  blackAfrican: "Black, Black British, Caribbean or African: African",
  blackCaribbean: "Black, Black British, Caribbean or African: Caribbean",
  mixedWbc: "Mixed or Multiple ethnic groups: White and Black Caribbean",
  mixedWa: "Mixed or Multiple ethnic groups: White and Asian",
  arab: "Other ethnic group: Arab",
  other: "Other ethnic group: Any other ethnic group",
} as const;

const HERITAGE = {
  british: {
    male: [
      "Jack",
      "Liam",
      "Connor",
      "Ryan",
      "Daniel",
      "Lewis",
      "Callum",
      "Jordan",
      "Kyle",
      "Shaun",
      "Craig",
      "Darren",
      "Lee",
      "Gary",
      "Paul",
      "Thomas",
      "Jamie",
      "Kieran",
      "Nathan",
      "Stephen",
      "Mark",
      "Dean",
      "Scott",
      "Bradley",
    ],
    female: [
      "Chloe",
      "Jade",
      "Megan",
      "Leanne",
      "Kerry",
      "Emma",
      "Stacey",
      "Gemma",
      "Laura",
      "Sophie",
      "Natalie",
      "Amy",
      "Kayleigh",
      "Rebecca",
    ],
    surnames: [
      "Smith",
      "Jones",
      "Taylor",
      "Brown",
      "Wilson",
      "Walker",
      "Wright",
      "Robinson",
      "Thompson",
      "Hughes",
      "Green",
      "Hall",
      "Wood",
      "Harris",
      "Clarke",
      "Jackson",
      "Turner",
      "Hill",
      "Cooper",
      "Ward",
      "Bennett",
      "Shaw",
      "Marshall",
      "Dixon",
      "Holmes",
      "Barker",
    ],
    ethnicities: [E.whiteBritish],
  },
  welsh: {
    male: ["Rhys", "Dylan", "Owain", "Gareth", "Aled", "Gethin", "Iwan", "Carwyn", "Dafydd", "Lloyd"],
    female: ["Cerys", "Seren", "Ffion", "Nia", "Bethan", "Carys", "Lowri", "Sioned"],
    surnames: [
      "Jones",
      "Williams",
      "Davies",
      "Evans",
      "Thomas",
      "Roberts",
      "Lewis",
      "Morgan",
      "Griffiths",
      "Pritchard",
      "Price",
      "Llewellyn",
      "Powell",
      "Rees",
    ],
    ethnicities: [E.whiteBritish],
  },
  irish: {
    male: ["Sean", "Declan", "Padraig", "Ciaran", "Eoin", "Niall", "Michael", "Patrick"],
    female: ["Siobhan", "Aoife", "Niamh", "Roisin", "Mary"],
    surnames: ["Murphy", "O'Brien", "Kelly", "Byrne", "Doyle", "McCarthy", "Connolly", "Brennan", "Ward", "McDonagh"],
    ethnicities: [E.whiteIrish, E.whiteIrish, E.traveller],
  },
  eastEuropean: {
    male: ["Piotr", "Tomasz", "Marius", "Andrei", "Lukasz", "Vasile", "Darius", "Kamil", "Bogdan"],
    female: ["Agnieszka", "Ioana", "Katarzyna", "Alina", "Monika"],
    surnames: ["Kowalski", "Nowak", "Popescu", "Wisniewski", "Ionescu", "Kazlauskas", "Zielinski", "Petrov", "Dumitru"],
    ethnicities: [E.otherWhite],
  },
  southAsian: {
    male: [
      "Imran",
      "Bilal",
      "Mohammed",
      "Zain",
      "Arjun",
      "Harpreet",
      "Rohan",
      "Sajid",
      "Kamran",
      "Aamir",
      "Jaswinder",
      "Shahid",
      "Abdul",
      "Rakib",
    ],
    female: ["Ayesha", "Priya", "Fatima", "Nadia", "Sana", "Anjali", "Rukhsana"],
    surnames: [
      "Khan",
      "Hussain",
      "Ahmed",
      "Patel",
      "Singh",
      "Begum",
      "Ali",
      "Iqbal",
      "Sharma",
      "Rahman",
      "Chaudhry",
      "Mahmood",
      "Uddin",
      "Gill",
    ],
    ethnicities: [E.pakistani, E.pakistani, E.indian, E.bangladeshi],
  },
  blackAfrican: {
    male: ["Tunde", "Kwame", "Emeka", "Samuel", "Chidi", "Abdi", "Kofi", "Yusuf", "Femi"],
    female: ["Amara", "Adaeze", "Grace", "Fadumo", "Blessing", "Ama"],
    surnames: ["Okafor", "Adeyemi", "Mensah", "Osei", "Mohamed", "Okonkwo", "Asante", "Abdullahi", "Balogun", "Oduya"],
    ethnicities: [E.blackAfrican],
  },
  caribbean: {
    male: ["Marcus", "Tyrone", "Jermaine", "Andre", "Devon", "Leon", "Curtis", "Kadeem", "Tyrese", "Wayne"],
    female: ["Shanice", "Tanisha", "Keisha", "Jasmine", "Monique"],
    surnames: [
      "Campbell",
      "Williams",
      "Brown",
      "Grant",
      "Francis",
      "Morrison",
      "Clarke",
      "Reid",
      "Barnett",
      "Henry",
      "Lewis",
      "Samuels",
    ],
    ethnicities: [E.blackCaribbean, E.blackCaribbean, E.mixedWbc],
  },
  other: {
    male: ["Omar", "Karim", "Wei", "Ahmad", "Hamid", "Mehmet", "Kenji"],
    female: ["Layla", "Mei", "Yasmin", "Leila"],
    surnames: ["Haddad", "Chen", "Rahimi", "Yilmaz", "Nasser", "Wong", "Saleh"],
    ethnicities: [E.arab, E.chinese, E.other, E.mixedWa],
  },
} as const satisfies Record<string, Heritage>;

type HeritageKey = keyof typeof HERITAGE;

const MIX_LONDON: readonly (readonly [HeritageKey, number])[] = [
  ["british", 38],
  ["irish", 4],
  ["eastEuropean", 10],
  ["southAsian", 12],
  ["blackAfrican", 14],
  ["caribbean", 14],
  ["other", 8],
];
const MIX_WALES: readonly (readonly [HeritageKey, number])[] = [
  ["welsh", 55],
  ["british", 25],
  ["irish", 3],
  ["eastEuropean", 6],
  ["southAsian", 5],
  ["blackAfrican", 3],
  ["caribbean", 2],
  ["other", 1],
];
const MIX_URBAN: readonly (readonly [HeritageKey, number])[] = [
  ["british", 58],
  ["irish", 4],
  ["eastEuropean", 9],
  ["southAsian", 14],
  ["blackAfrican", 5],
  ["caribbean", 7],
  ["other", 3],
];
const MIX_DEFAULT: readonly (readonly [HeritageKey, number])[] = [
  ["british", 74],
  ["irish", 4],
  ["eastEuropean", 9],
  ["southAsian", 6],
  ["blackAfrican", 3],
  ["caribbean", 3],
  ["other", 1],
];

function mixFor(regionCode: string): readonly (readonly [HeritageKey, number])[] {
  if (regionCode === "LON") return MIX_LONDON;
  if (regionCode === "WAL") return MIX_WALES;
  if (["WM", "GM", "YH", "EM"].includes(regionCode)) return MIX_URBAN;
  return MIX_DEFAULT;
}

export type DemoName = { firstName: string; lastName: string; ethnicity: string | null };

/** A name (and, usually, a recorded ethnicity) for someone in `regionCode`. */
export function pickName(rng: Random, regionCode: string, gender: "MALE" | "FEMALE" | "OTHER"): DemoName {
  const heritage = HERITAGE[rng.weighted(mixFor(regionCode))];
  const firstNames =
    gender === "FEMALE" ? heritage.female : gender === "MALE" ? heritage.male : [...heritage.male, ...heritage.female];
  // About one in ten people on probation have no ethnicity recorded (not stated / not asked).
  const ethnicity = rng.chance(0.1) ? null : rng.pick(heritage.ethnicities);
  return { firstName: rng.pick(firstNames), lastName: rng.pick(heritage.surnames), ethnicity };
}
