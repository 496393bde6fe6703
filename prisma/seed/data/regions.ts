// The 12 probation regions of England and Wales (docs/domain.md §2) with their Probation Delivery
// Units, plus local colour the demo uses for placements and courts. PDU names follow the
// real PDU structure closely enough to be recognisable; codes are ours and stable, because
// reference data is upserted by code on every install.

export type PduSeed = {
  code: string;
  name: string;
  /** Town or area used in demo placement names and addresses. */
  town: string;
  /** Outward codes of postcodes in the PDU (demo addresses). */
  postcodeDistricts: readonly string[];
};

export type RegionSeed = {
  code: string;
  name: string;
  pdus: readonly PduSeed[];
  /** Demo only: local places that beneficiary organisations look after. */
  parks: readonly string[];
  waterway: string;
  church: string;
  school: string;
  college: string;
  courts: readonly string[];
};

export const REGIONS: readonly RegionSeed[] = [
  {
    code: "KSS",
    name: "Kent, Surrey & Sussex",
    pdus: [
      { code: "KSS-WKENT", name: "West Kent", town: "Maidstone", postcodeDistricts: ["ME14", "ME15", "TN9"] },
      { code: "KSS-EKENT", name: "East Kent", town: "Canterbury", postcodeDistricts: ["CT1", "CT9", "CT20"] },
      { code: "KSS-NKENT", name: "North Kent", town: "Gillingham", postcodeDistricts: ["ME7", "DA11", "DA1"] },
      { code: "KSS-SURREY", name: "Surrey", town: "Guildford", postcodeDistricts: ["GU1", "KT12", "RH1"] },
      {
        code: "KSS-BHESX",
        name: "Brighton and East Sussex",
        town: "Brighton",
        postcodeDistricts: ["BN1", "BN2", "TN34"],
      },
    ],
    parks: ["Mote Park", "Dane John Gardens", "Preston Park"],
    waterway: "River Medway towpath",
    church: "St Nicholas' Church, Strood",
    school: "Hollingbury Primary School",
    college: "Mid Kent College",
    courts: [
      "Maidstone Crown Court",
      "Medway Magistrates' Court",
      "Canterbury Crown Court",
      "Brighton Magistrates' Court",
      "Guildford Magistrates' Court",
    ],
  },
  {
    code: "LON",
    name: "London",
    pdus: [
      { code: "LON-CAMISL", name: "Camden and Islington", town: "Islington", postcodeDistricts: ["N1", "N7", "NW1"] },
      { code: "LON-HACKCITY", name: "Hackney and City", town: "Hackney", postcodeDistricts: ["E5", "E8", "N16"] },
      { code: "LON-LAMBETH", name: "Lambeth", town: "Brixton", postcodeDistricts: ["SW2", "SW9", "SE11"] },
      { code: "LON-SOUTHWARK", name: "Southwark", town: "Peckham", postcodeDistricts: ["SE1", "SE5", "SE15"] },
      { code: "LON-CROYDON", name: "Croydon", town: "Croydon", postcodeDistricts: ["CR0", "CR7", "SE25"] },
    ],
    parks: ["Hackney Marshes", "Burgess Park", "Brockwell Park", "Lloyd Park"],
    waterway: "Regent's Canal towpath",
    church: "St Mary's Church, Islington",
    school: "Stockwell Primary School",
    college: "Lambeth College",
    courts: [
      "Highbury Corner Magistrates' Court",
      "Thames Magistrates' Court",
      "Camberwell Green Magistrates' Court",
      "Croydon Magistrates' Court",
      "Inner London Crown Court",
      "Snaresbrook Crown Court",
    ],
  },
  {
    code: "SC",
    name: "South Central",
    pdus: [
      { code: "SC-OXON", name: "Oxfordshire", town: "Oxford", postcodeDistricts: ["OX1", "OX4", "OX14"] },
      {
        code: "SC-BUCKSMK",
        name: "Buckinghamshire and Milton Keynes",
        town: "Milton Keynes",
        postcodeDistricts: ["MK9", "MK6", "HP19"],
      },
      {
        code: "SC-PORTIOW",
        name: "Portsmouth and Isle of Wight",
        town: "Portsmouth",
        postcodeDistricts: ["PO1", "PO4", "PO30"],
      },
      {
        code: "SC-SOTON",
        name: "Southampton, Eastleigh and New Forest",
        town: "Southampton",
        postcodeDistricts: ["SO14", "SO15", "SO50"],
      },
    ],
    parks: ["Cutteslowe Park", "Campbell Park", "Southsea Common"],
    waterway: "Oxford Canal towpath",
    church: "St Mary's Church, Southampton",
    school: "Cheney School",
    college: "City of Portsmouth College",
    courts: [
      "Oxford Magistrates' Court",
      "Milton Keynes Magistrates' Court",
      "Portsmouth Crown Court",
      "Southampton Magistrates' Court",
    ],
  },
  {
    code: "EOE",
    name: "East of England",
    pdus: [
      { code: "EOE-NORFOLK", name: "Norfolk", town: "Norwich", postcodeDistricts: ["NR1", "NR3", "NR30"] },
      { code: "EOE-SUFFOLK", name: "Suffolk", town: "Ipswich", postcodeDistricts: ["IP1", "IP4", "IP33"] },
      {
        code: "EOE-CAMBSPB",
        name: "Cambridgeshire and Peterborough",
        town: "Peterborough",
        postcodeDistricts: ["PE1", "PE2", "CB1"],
      },
      { code: "EOE-ESSEXS", name: "Essex South", town: "Basildon", postcodeDistricts: ["SS14", "SS1", "RM17"] },
      { code: "EOE-BEDS", name: "Bedfordshire", town: "Luton", postcodeDistricts: ["LU1", "LU4", "MK40"] },
    ],
    parks: ["Eaton Park", "Christchurch Park", "Wardown Park"],
    waterway: "River Nene towpath",
    church: "St Giles' Church, Norwich",
    school: "Ravens Wood Primary School",
    college: "Suffolk New College",
    courts: [
      "Norwich Magistrates' Court",
      "Ipswich Crown Court",
      "Peterborough Magistrates' Court",
      "Basildon Crown Court",
      "Luton and South Bedfordshire Magistrates' Court",
    ],
  },
  {
    code: "SW",
    name: "South West",
    pdus: [
      {
        code: "SW-BRISSG",
        name: "Bristol and South Gloucestershire",
        town: "Bristol",
        postcodeDistricts: ["BS1", "BS5", "BS16"],
      },
      { code: "SW-DEVTOR", name: "Devon and Torbay", town: "Exeter", postcodeDistricts: ["EX1", "EX4", "TQ1"] },
      {
        code: "SW-CORNWALL",
        name: "Cornwall and Isles of Scilly",
        town: "Truro",
        postcodeDistricts: ["TR1", "TR15", "PL25"],
      },
      { code: "SW-GLOS", name: "Gloucestershire", town: "Gloucester", postcodeDistricts: ["GL1", "GL4", "GL50"] },
    ],
    parks: ["Eastville Park", "Heavitree Pleasure Ground", "Robinswood Hill Country Park"],
    waterway: "Feeder Canal towpath, Bristol",
    church: "St Paul's Church, Truro",
    school: "Whitehall Primary School",
    college: "City of Bristol College",
    courts: [
      "Bristol Magistrates' Court",
      "Exeter Crown Court",
      "Truro Crown Court",
      "Gloucestershire Magistrates' Court",
    ],
  },
  {
    code: "WAL",
    name: "Wales",
    pdus: [
      { code: "WAL-CARDVALE", name: "Cardiff and Vale", town: "Cardiff", postcodeDistricts: ["CF10", "CF24", "CF62"] },
      {
        code: "WAL-SWANNPT",
        name: "Swansea Neath Port Talbot",
        town: "Swansea",
        postcodeDistricts: ["SA1", "SA11", "SA13"],
      },
      { code: "WAL-NWALES", name: "North Wales", town: "Wrexham", postcodeDistricts: ["LL11", "LL13", "LL57"] },
      { code: "WAL-GWENT", name: "Gwent", town: "Newport", postcodeDistricts: ["NP19", "NP20", "NP44"] },
      { code: "WAL-DYFPOW", name: "Dyfed-Powys", town: "Carmarthen", postcodeDistricts: ["SA31", "SY23", "LD1"] },
    ],
    parks: ["Roath Park", "Singleton Park", "Tredegar Park"],
    waterway: "Monmouthshire and Brecon Canal towpath",
    church: "St Woolos Cathedral grounds, Newport",
    school: "Ysgol Gynradd Gymraeg Treganna",
    college: "Coleg Gwent",
    courts: [
      "Cardiff Crown Court",
      "Cardiff Magistrates' Court",
      "Swansea Crown Court",
      "Newport Magistrates' Court",
      "Mold Crown Court",
      "Llanelli Magistrates' Court",
    ],
  },
  {
    code: "WM",
    name: "West Midlands",
    pdus: [
      {
        code: "WM-BHAMCS",
        name: "Birmingham Central and South",
        town: "Birmingham",
        postcodeDistricts: ["B5", "B12", "B29"],
      },
      { code: "WM-COVENTRY", name: "Coventry", town: "Coventry", postcodeDistricts: ["CV1", "CV2", "CV6"] },
      { code: "WM-WOLVES", name: "Wolverhampton", town: "Wolverhampton", postcodeDistricts: ["WV1", "WV3", "WV10"] },
      {
        code: "WM-STAFFS",
        name: "Staffordshire and Stoke-on-Trent",
        town: "Stoke-on-Trent",
        postcodeDistricts: ["ST1", "ST4", "ST16"],
      },
    ],
    parks: ["Cannon Hill Park", "War Memorial Park", "West Park"],
    waterway: "Birmingham and Fazeley Canal towpath",
    church: "St Martin in the Bull Ring grounds",
    school: "Nelson Mandela Primary School",
    college: "City of Wolverhampton College",
    courts: [
      "Birmingham Magistrates' Court",
      "Birmingham Crown Court",
      "Coventry Magistrates' Court",
      "Wolverhampton Crown Court",
      "North Staffordshire Justice Centre",
    ],
  },
  {
    code: "EM",
    name: "East Midlands",
    pdus: [
      { code: "EM-NOTTCITY", name: "Nottingham City", town: "Nottingham", postcodeDistricts: ["NG1", "NG7", "NG3"] },
      { code: "EM-DERBY", name: "Derby City", town: "Derby", postcodeDistricts: ["DE1", "DE22", "DE23"] },
      {
        code: "EM-LLR",
        name: "Leicester, Leicestershire and Rutland",
        town: "Leicester",
        postcodeDistricts: ["LE1", "LE2", "LE5"],
      },
      { code: "EM-LINCS", name: "Lincolnshire", town: "Lincoln", postcodeDistricts: ["LN1", "LN2", "PE21"] },
    ],
    parks: ["Forest Recreation Ground", "Markeaton Park", "Abbey Park"],
    waterway: "Nottingham Canal towpath",
    church: "St Barnabas' Cathedral grounds",
    school: "Bluecoat Primary Academy",
    college: "Leicester College",
    courts: [
      "Nottingham Magistrates' Court",
      "Derby Crown Court",
      "Leicester Magistrates' Court",
      "Lincoln Crown Court",
    ],
  },
  {
    code: "GM",
    name: "Greater Manchester",
    pdus: [
      { code: "GM-MANCN", name: "Manchester North", town: "Cheetham Hill", postcodeDistricts: ["M8", "M9", "M40"] },
      { code: "GM-MANCS", name: "Manchester South", town: "Wythenshawe", postcodeDistricts: ["M14", "M22", "M23"] },
      { code: "GM-SALFORD", name: "Salford", town: "Salford", postcodeDistricts: ["M5", "M6", "M7"] },
      { code: "GM-BOLTON", name: "Bolton", town: "Bolton", postcodeDistricts: ["BL1", "BL2", "BL3"] },
      { code: "GM-WIGAN", name: "Wigan", town: "Wigan", postcodeDistricts: ["WN1", "WN2", "WN5"] },
    ],
    parks: ["Heaton Park", "Wythenshawe Park", "Queen's Park, Bolton"],
    waterway: "Bridgewater Canal towpath",
    church: "St Clement's Church, Urmston",
    school: "Abraham Moss Community School",
    college: "The Manchester College",
    courts: [
      "Manchester and Salford Magistrates' Court",
      "Manchester Crown Court (Minshull Street)",
      "Bolton Crown Court",
      "Wigan and Leigh Magistrates' Court",
    ],
  },
  {
    code: "YH",
    name: "Yorkshire & the Humber",
    pdus: [
      { code: "YH-LEEDS", name: "Leeds", town: "Leeds", postcodeDistricts: ["LS7", "LS9", "LS11"] },
      { code: "YH-SHEFF", name: "Sheffield", town: "Sheffield", postcodeDistricts: ["S2", "S4", "S9"] },
      {
        code: "YH-BRADCAL",
        name: "Bradford and Calderdale",
        town: "Bradford",
        postcodeDistricts: ["BD3", "BD8", "HX1"],
      },
      { code: "YH-HULLER", name: "Hull and East Riding", town: "Hull", postcodeDistricts: ["HU1", "HU3", "HU9"] },
      { code: "YH-YORKNY", name: "York and North Yorkshire", town: "York", postcodeDistricts: ["YO1", "YO10", "HG1"] },
    ],
    parks: ["Roundhay Park", "Meersbrook Park", "Lister Park"],
    waterway: "Leeds and Liverpool Canal towpath",
    church: "St Mary's Church, Beverley",
    school: "Manston St James Primary Academy",
    college: "Bradford College",
    courts: [
      "Leeds Magistrates' Court",
      "Sheffield Crown Court",
      "Bradford and Keighley Magistrates' Court",
      "Hull Crown Court",
      "York Magistrates' Court",
    ],
  },
  {
    code: "NW",
    name: "North West",
    pdus: [
      { code: "NW-LIVN", name: "Liverpool North", town: "Walton", postcodeDistricts: ["L4", "L5", "L9"] },
      { code: "NW-LIVS", name: "Liverpool South", town: "Toxteth", postcodeDistricts: ["L8", "L17", "L24"] },
      { code: "NW-LANCSE", name: "Lancashire East", town: "Blackburn", postcodeDistricts: ["BB1", "BB2", "BB11"] },
      { code: "NW-CUMBRIA", name: "Cumbria", town: "Carlisle", postcodeDistricts: ["CA1", "CA2", "LA14"] },
    ],
    parks: ["Sefton Park", "Stanley Park", "Witton Country Park"],
    waterway: "Leeds and Liverpool Canal towpath, Blackburn",
    church: "St Luke's Church, Liverpool",
    school: "Whitefield Primary School",
    college: "Blackburn College",
    courts: [
      "Liverpool and Knowsley Magistrates' Court",
      "Liverpool Crown Court",
      "Blackburn Magistrates' Court",
      "Carlisle Crown Court",
    ],
  },
  {
    code: "NE",
    name: "North East",
    pdus: [
      { code: "NE-NEWC", name: "Newcastle upon Tyne", town: "Newcastle", postcodeDistricts: ["NE1", "NE4", "NE6"] },
      {
        code: "NE-NLDNTYN",
        name: "Northumberland and North Tyneside",
        town: "Blyth",
        postcodeDistricts: ["NE24", "NE29", "NE61"],
      },
      {
        code: "NE-DURDAR",
        name: "County Durham and Darlington",
        town: "Darlington",
        postcodeDistricts: ["DL1", "DL3", "DH1"],
      },
      {
        code: "NE-SUNDSTY",
        name: "Sunderland and South Tyneside",
        town: "Sunderland",
        postcodeDistricts: ["SR1", "SR4", "NE33"],
      },
      { code: "NE-TEES", name: "Teesside", town: "Middlesbrough", postcodeDistricts: ["TS1", "TS3", "TS18"] },
    ],
    parks: ["Leazes Park", "South Park, Darlington", "Albert Park, Middlesbrough"],
    waterway: "River Wear riverside path",
    church: "St Andrew's Church, Roker",
    school: "Hylton Red House Primary School",
    college: "Middlesbrough College",
    courts: [
      "Newcastle Magistrates' Court",
      "Newcastle Crown Court",
      "Teesside Magistrates' Court",
      "Durham Crown Court",
      "Sunderland Magistrates' Court",
    ],
  },
];
