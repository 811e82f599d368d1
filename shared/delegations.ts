/**
 * The delegation registry: every party that can table or support a proposal. Proposals are
 * attributed to a delegation or a group by its code, never to a person.
 *
 * Member States use their ISO 3166-1 alpha-3 code and the short name used at the United Nations.
 * Groups use their customary acronym (the African and Arab Groups use AFRG and ARBG because AFG and
 * ARG are Afghanistan and Argentina). Group compositions are those of 2022, the year of the demo
 * negotiation; group members outside the United Nations (Cook Islands, Niue, Montserrat) are left out.
 */

/** What kind of party a delegation is. */
export type DelegationKind = 'member-state' | 'observer-state' | 'organization' | 'group';

/** A party to a negotiation. */
export interface Delegation {
  /** Stable code: ISO alpha-3 for States, an acronym for organizations and groups. */
  code: string;
  /** Name as shown in compilations, e.g. "United States", "G77 and China". */
  name: string;
  kind: DelegationKind;
  /** Codes of the member delegations; only for groups and the European Union. */
  members?: readonly string[];
}

/** The 193 Member States of the United Nations as [code, name], in the UN's alphabetical order. */
const MEMBER_STATES: readonly (readonly [code: string, name: string])[] = [
  ['AFG', 'Afghanistan'],
  ['ALB', 'Albania'],
  ['DZA', 'Algeria'],
  ['AND', 'Andorra'],
  ['AGO', 'Angola'],
  ['ATG', 'Antigua and Barbuda'],
  ['ARG', 'Argentina'],
  ['ARM', 'Armenia'],
  ['AUS', 'Australia'],
  ['AUT', 'Austria'],
  ['AZE', 'Azerbaijan'],
  ['BHS', 'Bahamas'],
  ['BHR', 'Bahrain'],
  ['BGD', 'Bangladesh'],
  ['BRB', 'Barbados'],
  ['BLR', 'Belarus'],
  ['BEL', 'Belgium'],
  ['BLZ', 'Belize'],
  ['BEN', 'Benin'],
  ['BTN', 'Bhutan'],
  ['BOL', 'Bolivia (Plurinational State of)'],
  ['BIH', 'Bosnia and Herzegovina'],
  ['BWA', 'Botswana'],
  ['BRA', 'Brazil'],
  ['BRN', 'Brunei Darussalam'],
  ['BGR', 'Bulgaria'],
  ['BFA', 'Burkina Faso'],
  ['BDI', 'Burundi'],
  ['CPV', 'Cabo Verde'],
  ['KHM', 'Cambodia'],
  ['CMR', 'Cameroon'],
  ['CAN', 'Canada'],
  ['CAF', 'Central African Republic'],
  ['TCD', 'Chad'],
  ['CHL', 'Chile'],
  ['CHN', 'China'],
  ['COL', 'Colombia'],
  ['COM', 'Comoros'],
  ['COG', 'Congo'],
  ['CRI', 'Costa Rica'],
  ['CIV', "Côte d'Ivoire"],
  ['HRV', 'Croatia'],
  ['CUB', 'Cuba'],
  ['CYP', 'Cyprus'],
  ['CZE', 'Czechia'],
  ['PRK', "Democratic People's Republic of Korea"],
  ['COD', 'Democratic Republic of the Congo'],
  ['DNK', 'Denmark'],
  ['DJI', 'Djibouti'],
  ['DMA', 'Dominica'],
  ['DOM', 'Dominican Republic'],
  ['ECU', 'Ecuador'],
  ['EGY', 'Egypt'],
  ['SLV', 'El Salvador'],
  ['GNQ', 'Equatorial Guinea'],
  ['ERI', 'Eritrea'],
  ['EST', 'Estonia'],
  ['SWZ', 'Eswatini'],
  ['ETH', 'Ethiopia'],
  ['FJI', 'Fiji'],
  ['FIN', 'Finland'],
  ['FRA', 'France'],
  ['GAB', 'Gabon'],
  ['GMB', 'Gambia'],
  ['GEO', 'Georgia'],
  ['DEU', 'Germany'],
  ['GHA', 'Ghana'],
  ['GRC', 'Greece'],
  ['GRD', 'Grenada'],
  ['GTM', 'Guatemala'],
  ['GIN', 'Guinea'],
  ['GNB', 'Guinea-Bissau'],
  ['GUY', 'Guyana'],
  ['HTI', 'Haiti'],
  ['HND', 'Honduras'],
  ['HUN', 'Hungary'],
  ['ISL', 'Iceland'],
  ['IND', 'India'],
  ['IDN', 'Indonesia'],
  ['IRN', 'Iran (Islamic Republic of)'],
  ['IRQ', 'Iraq'],
  ['IRL', 'Ireland'],
  ['ISR', 'Israel'],
  ['ITA', 'Italy'],
  ['JAM', 'Jamaica'],
  ['JPN', 'Japan'],
  ['JOR', 'Jordan'],
  ['KAZ', 'Kazakhstan'],
  ['KEN', 'Kenya'],
  ['KIR', 'Kiribati'],
  ['KWT', 'Kuwait'],
  ['KGZ', 'Kyrgyzstan'],
  ['LAO', "Lao People's Democratic Republic"],
  ['LVA', 'Latvia'],
  ['LBN', 'Lebanon'],
  ['LSO', 'Lesotho'],
  ['LBR', 'Liberia'],
  ['LBY', 'Libya'],
  ['LIE', 'Liechtenstein'],
  ['LTU', 'Lithuania'],
  ['LUX', 'Luxembourg'],
  ['MDG', 'Madagascar'],
  ['MWI', 'Malawi'],
  ['MYS', 'Malaysia'],
  ['MDV', 'Maldives'],
  ['MLI', 'Mali'],
  ['MLT', 'Malta'],
  ['MHL', 'Marshall Islands'],
  ['MRT', 'Mauritania'],
  ['MUS', 'Mauritius'],
  ['MEX', 'Mexico'],
  ['FSM', 'Micronesia (Federated States of)'],
  ['MCO', 'Monaco'],
  ['MNG', 'Mongolia'],
  ['MNE', 'Montenegro'],
  ['MAR', 'Morocco'],
  ['MOZ', 'Mozambique'],
  ['MMR', 'Myanmar'],
  ['NAM', 'Namibia'],
  ['NRU', 'Nauru'],
  ['NPL', 'Nepal'],
  ['NLD', 'Netherlands'],
  ['NZL', 'New Zealand'],
  ['NIC', 'Nicaragua'],
  ['NER', 'Niger'],
  ['NGA', 'Nigeria'],
  ['MKD', 'North Macedonia'],
  ['NOR', 'Norway'],
  ['OMN', 'Oman'],
  ['PAK', 'Pakistan'],
  ['PLW', 'Palau'],
  ['PAN', 'Panama'],
  ['PNG', 'Papua New Guinea'],
  ['PRY', 'Paraguay'],
  ['PER', 'Peru'],
  ['PHL', 'Philippines'],
  ['POL', 'Poland'],
  ['PRT', 'Portugal'],
  ['QAT', 'Qatar'],
  ['KOR', 'Republic of Korea'],
  ['MDA', 'Republic of Moldova'],
  ['ROU', 'Romania'],
  ['RUS', 'Russian Federation'],
  ['RWA', 'Rwanda'],
  ['KNA', 'Saint Kitts and Nevis'],
  ['LCA', 'Saint Lucia'],
  ['VCT', 'Saint Vincent and the Grenadines'],
  ['WSM', 'Samoa'],
  ['SMR', 'San Marino'],
  ['STP', 'Sao Tome and Principe'],
  ['SAU', 'Saudi Arabia'],
  ['SEN', 'Senegal'],
  ['SRB', 'Serbia'],
  ['SYC', 'Seychelles'],
  ['SLE', 'Sierra Leone'],
  ['SGP', 'Singapore'],
  ['SVK', 'Slovakia'],
  ['SVN', 'Slovenia'],
  ['SLB', 'Solomon Islands'],
  ['SOM', 'Somalia'],
  ['ZAF', 'South Africa'],
  ['SSD', 'South Sudan'],
  ['ESP', 'Spain'],
  ['LKA', 'Sri Lanka'],
  ['SDN', 'Sudan'],
  ['SUR', 'Suriname'],
  ['SWE', 'Sweden'],
  ['CHE', 'Switzerland'],
  ['SYR', 'Syrian Arab Republic'],
  ['TJK', 'Tajikistan'],
  ['THA', 'Thailand'],
  ['TLS', 'Timor-Leste'],
  ['TGO', 'Togo'],
  ['TON', 'Tonga'],
  ['TTO', 'Trinidad and Tobago'],
  ['TUN', 'Tunisia'],
  ['TUR', 'Türkiye'],
  ['TKM', 'Turkmenistan'],
  ['TUV', 'Tuvalu'],
  ['UGA', 'Uganda'],
  ['UKR', 'Ukraine'],
  ['ARE', 'United Arab Emirates'],
  ['GBR', 'United Kingdom'],
  ['TZA', 'United Republic of Tanzania'],
  ['USA', 'United States'],
  ['URY', 'Uruguay'],
  ['UZB', 'Uzbekistan'],
  ['VUT', 'Vanuatu'],
  ['VEN', 'Venezuela (Bolivarian Republic of)'],
  ['VNM', 'Viet Nam'],
  ['YEM', 'Yemen'],
  ['ZMB', 'Zambia'],
  ['ZWE', 'Zimbabwe'],
];

const OBSERVER_STATES: readonly (readonly [code: string, name: string])[] = [
  ['VAT', 'Holy See'],
  ['PSE', 'State of Palestine'],
];

/** Codes from a whitespace-separated list. */
function codes(list: string): readonly string[] {
  return list.trim().split(/\s+/);
}

/** The member States of the European Union. */
const EU = codes(`
  AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD
  POL PRT ROU SVK SVN ESP SWE
`);

/**
 * The Group of 77 and China: every Member State outside the Council of Europe (except Bosnia and
 * Herzegovina), the OECD (except Chile, Colombia and Costa Rica) and the CIS (except Tajikistan),
 * less Palau and Tuvalu, and with the State of Palestine.
 */
const G77 = codes(`
  AFG DZA AGO ATG ARG BHS BHR BGD BRB BLZ BEN BTN BOL BIH BWA BRA BRN BFA BDI CPV
  KHM CMR CAF TCD CHL CHN COL COM COG CRI CIV CUB PRK COD DJI DMA DOM ECU EGY SLV
  GNQ ERI SWZ ETH FJI GAB GMB GHA GRD GTM GIN GNB GUY HTI HND IND IDN IRN IRQ JAM
  JOR KEN KIR KWT LAO LBN LSO LBR LBY MDG MWI MYS MDV MLI MHL MRT MUS FSM MNG MAR
  MOZ MMR NAM NRU NPL NIC NER NGA OMN PAK PAN PNG PRY PER PHL QAT RWA KNA LCA VCT
  WSM STP SAU SEN SYC SLE SGP SLB SOM ZAF SSD LKA SDN SUR SYR TJK THA TLS TGO TON
  TTO TUN TKM UGA ARE TZA URY VUT VEN VNM YEM ZMB ZWE PSE
`);

/** The African Group. */
const AFRG = codes(`
  DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG CIV COD DJI EGY GNQ ERI SWZ ETH
  GAB GMB GHA GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA
  STP SEN SYC SLE SOM ZAF SSD SDN TGO TUN UGA TZA ZMB ZWE
`);

/** The Arab Group: the members of the League of Arab States. */
const ARBG = codes(`
  DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN
  ARE YEM
`);

/** The Asia-Pacific Group, with the State of Palestine. */
const APG = codes(`
  AFG BHR BGD BTN BRN KHM CHN CYP PRK FJI IND IDN IRN IRQ JPN JOR KAZ KIR KWT KGZ
  LAO LBN MYS MDV MHL FSM MNG MMR NRU NPL OMN PAK PLW PNG PHL QAT KOR WSM SAU SGP
  SLB LKA SYR TJK THA TLS TON TKM TUV ARE UZB VUT VNM YEM PSE
`);

/** The Latin American and Caribbean Group; CELAC has the same members. */
const GRULAC = codes(`
  ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND
  JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO URY VEN
`);

/** The Eastern European Group. */
const EEG = codes(`
  ALB ARM AZE BLR BIH BGR HRV CZE EST GEO HUN LVA LTU MNE MKD POL MDA ROU RUS SRB
  SVK SVN UKR
`);

/** The Western European and Others Group, with the United States (which sits with it as an observer). */
const WEOG = codes(`
  AND AUS AUT BEL CAN DNK FIN FRA DEU GRC ISL IRL ISR ITA LIE LUX MLT MCO NLD NZL
  NOR PRT SMR ESP SWE CHE TUR GBR USA
`);

/** The Member States among the members of the Caribbean Community. */
const CARICOM = codes(`
  ATG BHS BRB BLZ DMA GRD GUY HTI JAM KNA LCA VCT SUR TTO
`);

/** The Member States among the members of the Alliance of Small Island States. */
const AOSIS = codes(`
  ATG BHS BRB BLZ CPV COM CUB DMA DOM FJI FSM GRD GNB GUY HTI JAM KIR MDV MHL MUS
  NRU PLW PNG WSM STP SYC SGP KNA LCA VCT SLB SUR TLS TON TTO TUV VUT
`);

/** The least developed countries in 2022 (Bhutan graduated in 2023, Sao Tome and Principe in 2024). */
const LDC = codes(`
  AGO BEN BFA BDI CAF TCD COM COD DJI ERI ETH GMB GIN GNB LSO LBR MDG MWI MLI MRT
  MOZ NER RWA STP SEN SLE SOM SSD SDN TGO UGA TZA ZMB AFG BGD BTN KHM LAO MMR NPL
  TLS YEM KIR SLB TUV HTI
`);

/** The landlocked developing countries. */
const LLDC = codes(`
  AFG ARM AZE BTN BOL BWA BFA BDI CAF TCD SWZ ETH KAZ KGZ LAO LSO MWI MLI MNG NPL
  NER MKD PRY MDA RWA SSD TJK TKM UGA UZB ZMB ZWE
`);

/** The European Union and the negotiating groups, with their members. */
const GROUPS: readonly Delegation[] = [
  { code: 'EU', name: 'European Union', kind: 'organization', members: EU },
  { code: 'G77', name: 'G77 and China', kind: 'group', members: G77 },
  { code: 'AFRG', name: 'African Group', kind: 'group', members: AFRG },
  { code: 'ARBG', name: 'Arab Group', kind: 'group', members: ARBG },
  { code: 'APG', name: 'Asia-Pacific Group', kind: 'group', members: APG },
  { code: 'GRULAC', name: 'Latin American and Caribbean Group', kind: 'group', members: GRULAC },
  { code: 'EEG', name: 'Eastern European Group', kind: 'group', members: EEG },
  { code: 'WEOG', name: 'Western European and Others Group', kind: 'group', members: WEOG },
  { code: 'CARICOM', name: 'CARICOM', kind: 'group', members: CARICOM },
  { code: 'AOSIS', name: 'AOSIS', kind: 'group', members: AOSIS },
  { code: 'LDC', name: 'LDCs', kind: 'group', members: LDC },
  { code: 'LLDC', name: 'LLDCs', kind: 'group', members: LLDC },
  { code: 'CELAC', name: 'CELAC', kind: 'group', members: GRULAC },
];

/** Every delegation: Member States, observer States, the European Union and negotiating groups. */
export const DELEGATIONS: readonly Delegation[] = [
  ...MEMBER_STATES.map(([code, name]): Delegation => ({ code, name, kind: 'member-state' })),
  ...OBSERVER_STATES.map(([code, name]): Delegation => ({ code, name, kind: 'observer-state' })),
  ...GROUPS,
];

const BY_CODE = new Map(DELEGATIONS.map((d) => [d.code, d]));

/** The delegation with this code, if any. */
export function delegationByCode(code: string): Delegation | undefined {
  return BY_CODE.get(code);
}

/** The groups (and the European Union) that list this delegation among their members. */
export function groupsOf(code: string): Delegation[] {
  return DELEGATIONS.filter((d) => d.members?.includes(code));
}
