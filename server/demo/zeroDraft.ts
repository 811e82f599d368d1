/**
 * An illustrative zero draft for demos and tests: a progress declaration on the implementation
 * of the Global Compact for Safe, Orderly and Regular Migration, in the register of a General
 * Assembly declaration. The wording was written for this project; it is not the text of any
 * adopted or circulated document.
 *
 * Paragraph ids are deterministic (`pp01` … for preambular, `op01` … for operative paragraphs,
 * in document order) so that tests and seed data can refer to them.
 */

/** Short name of the demo negotiation, as shown in lists. */
export const DEMO_TITLE = 'Progress Declaration — International Migration Review Forum 2022';

const FULL_TITLE =
  'Progress Declaration of the first International Migration Review Forum on the implementation of the ' +
  'Global Compact for Safe, Orderly and Regular Migration';

/** A paragraph as opening words (set in italics) followed by the rest of its text. */
type Para = readonly [opening: string, rest: string];

const PREAMBLE: readonly Para[] = [
  [
    'Recalling',
    'the Global Compact for Safe, Orderly and Regular Migration, adopted in Marrakech and endorsed by ' +
      'the General Assembly as a cooperative framework that is not legally binding,',
  ],
  [
    'Recalling also',
    'its decision to convene the International Migration Review Forum every four years as the principal ' +
      'intergovernmental platform at which Member States discuss and share progress in implementing all ' +
      'aspects of the Global Compact, with the participation of relevant stakeholders,',
  ],
  [
    'Reaffirming',
    'the purposes and principles of the Charter of the United Nations and the Universal Declaration of ' +
      'Human Rights, as well as the sovereign right of States to determine their national migration ' +
      'policy in conformity with international law,',
  ],
  [
    'Reaffirming also',
    'the cross-cutting and interdependent guiding principles of the Global Compact, which is ' +
      'people-centred, gender-responsive and child-sensitive and calls for whole-of-government and ' +
      'whole-of-society approaches,',
  ],
  [
    'Recognizing',
    'that migration has always been part of the human experience and that, when it is safe, orderly and ' +
      'regular, it is a source of prosperity, innovation and sustainable development for countries of ' +
      'origin, transit and destination alike,',
  ],
  [
    'Recognizing further',
    'that no State can address migration on its own, and that implementation depends on international, ' +
      'regional and bilateral cooperation founded on trust, shared responsibility and solidarity,',
  ],
  [
    'Welcoming',
    'the regional reviews of the Global Compact, the contributions of the Global Forum on Migration and ' +
      'Development and the voluntary national reviews presented by Member States, which have together ' +
      'informed the deliberations of the present Forum,',
  ],
  [
    'Taking note with appreciation',
    'of the report of the Secretary-General on the implementation of the Global Compact and of the ' +
      'support given to Member States by the United Nations Network on Migration,',
  ],
  [
    'Noting with concern',
    'that the COVID-19 pandemic struck migrants and their families with particular force, exposed gaps ' +
      'in their access to health care, social protection and decent work, and interrupted the remittances ' +
      'on which many households rely,',
  ],
  [
    'Deeply concerned',
    'by the continuing loss of life along land and sea routes and by the many migrants who remain ' +
      'missing, leaving their families without answers,',
  ],
];

/** The operative part: section headings, each with its paragraphs. */
const SECTIONS: readonly { heading: string; paras: readonly Para[] }[] = [
  {
    heading: 'Progress in implementation',
    paras: [
      [
        'We reaffirm',
        'our commitment to the Global Compact and our resolve to give effect to its vision through ' +
          'concrete action at the local, national, regional and global levels.',
      ],
      [
        'We welcome',
        'the progress made since the adoption of the Global Compact, including national implementation ' +
          'plans, reviews of migration legislation and new coordination mechanisms across government.',
      ],
      [
        'We recognize',
        'the efforts of many States to integrate migration into national development planning and to ' +
          'align their policies with the objectives of the Global Compact and the Sustainable Development ' +
          'Goals.',
      ],
      [
        'We acknowledge',
        'the vital role of migrants during the COVID-19 pandemic as health workers, carers and workers ' +
          'in food supply chains, and welcome the measures taken to include migrants in vaccination ' +
          'campaigns irrespective of their status.',
      ],
      [
        'We note with appreciation',
        'the widening of regular pathways in some regions, including through labour mobility schemes, ' +
          'regional free movement arrangements and programmes for family reunification.',
      ],
      [
        'We welcome also',
        'the steps taken to improve the collection, analysis and dissemination of migration data ' +
          'disaggregated by sex, age and migration status, while safeguarding privacy and personal data.',
      ],
      [
        'We recognize',
        'the contribution of local authorities, which are often the first to respond when migrants ' +
          'arrive, and commend the cities and municipalities that have opened their services to migrants ' +
          'and host communities alike.',
      ],
      [
        'We appreciate',
        'the engagement of migrants, diaspora communities, civil society, the private sector, trade ' +
          'unions, academia and national human rights institutions in the implementation of the Global ' +
          'Compact.',
      ],
      [
        'We take note',
        'of the projects supported by the Migration Multi-Partner Trust Fund and acknowledge the ' +
          'contributions made by donors to its capitalization.',
      ],
      [
        'We welcome further',
        'the assistance provided by the United Nations Network on Migration to States that have ' +
          'requested it, including through country-level networks and the Migration Network Hub.',
      ],
      [
        'We recognize also',
        'that the cost of sending remittances has fallen in several corridors, while noting that ' +
          'average costs remain well above the level envisaged in the Sustainable Development Goals.',
      ],
    ],
  },
  {
    heading: 'Challenges and gaps',
    paras: [
      [
        'We are concerned',
        'that progress has been uneven across objectives and regions, and that the Global Compact ' +
          'remains little known among public officials and the wider public.',
      ],
      [
        'We express deep concern',
        'at persistent discrimination, racism, xenophobia and related intolerance against migrants, and ' +
          'at public narratives that distort the contribution of migrants to our societies.',
      ],
      [
        'We recognize',
        'that many migrants still face barriers to basic services, justice and decent work, and that ' +
          'women and girls, children and migrants in vulnerable situations bear the heaviest burden.',
      ],
      [
        'We note with concern',
        'that where regular pathways are scarce or inflexible, many people see no option but to migrate ' +
          'through irregular and dangerous routes.',
      ],
      [
        'We are alarmed',
        'by the continued activity of networks that smuggle and traffic migrants, and by reports of ' +
          'violence, extortion and abuse along migratory routes.',
      ],
      [
        'We acknowledge',
        'that gaps in data continue to limit evidence-based policymaking, in particular in developing ' +
          'countries, and that national statistical capacity needs to be strengthened.',
      ],
      [
        'We note',
        'that cooperation on return, readmission and sustainable reintegration remains difficult in ' +
          'many contexts. Returns must take place in safety and dignity and in full respect of ' +
          'international law.',
      ],
      [
        'We recognize further',
        'that responsibility for migration is often fragmented across ministries and levels of ' +
          'government, which hampers coherent implementation.',
      ],
      [
        'We stress',
        'that unaccompanied and separated children face heightened risks on the move, and that the best ' +
          'interests of the child must be a primary consideration in every decision that concerns them.',
      ],
    ],
  },
  {
    heading: 'Drivers of migration and regular pathways',
    paras: [
      [
        'We commit to',
        'address the adverse drivers and structural factors that compel people to leave their countries ' +
          'of origin, including poverty, lack of decent work, conflict, insecurity and weak institutions.',
      ],
      [
        'We recognize',
        'that climate change, environmental degradation and disasters increasingly interact with other ' +
          'drivers of migration. We commit to strengthen joint analysis, preparedness and, where ' +
          'appropriate, planned relocation.',
      ],
      [
        'We commit to',
        'enhance and diversify pathways for safe, orderly and regular migration in a manner that ' +
          'reflects demographic realities and the needs of labour markets.',
      ],
      [
        'We encourage',
        'States to conclude bilateral and regional labour mobility agreements that set standards on ' +
          'fair recruitment, the portability of social security entitlements and the recognition of ' +
          'skills and qualifications.',
      ],
      [
        'We call upon',
        'States to end the charging of recruitment fees to migrant workers and to regulate and monitor ' +
          'recruitment agencies, including those that operate across borders.',
      ],
      [
        'We commit to',
        'facilitate family reunification for migrants at all skill levels through appropriate measures ' +
          'that give effect to the right to family life.',
      ],
      [
        'We encourage',
        'regional and subregional organizations to advance free movement arrangements, visa ' +
          'facilitation and the mutual recognition of qualifications.',
      ],
      [
        'We commit to',
        'invest in skills development and in skills partnerships between countries of origin and ' +
          'destination that benefit migrants, employers and the communities concerned.',
      ],
      [
        'We underline',
        'the importance of empowering women migrants, including by removing the legal and practical ' +
          'barriers that keep them out of formal employment.',
      ],
      [
        'We invite',
        'States to consider humanitarian admission and temporary stay for people compelled to leave ' +
          'their countries because of sudden-onset disasters and other precarious situations.',
      ],
    ],
  },
  {
    heading: 'Protection, inclusion and return',
    paras: [
      [
        'We commit to',
        'save lives and prevent the death and injury of migrants through coordinated search and rescue, ' +
          'and to ensure that purely humanitarian assistance to migrants in distress is not penalized.',
      ],
      [
        'We commit to',
        'step up efforts to identify missing and deceased migrants, to inform their families and to ' +
          'exchange relevant information across borders.',
      ],
      [
        'We commit to',
        'ensure that all migrants, regardless of their migration status, can exercise their human ' +
          'rights and have safe access to basic services, including health care and education.',
      ],
      [
        'We will',
        'provide legal identity and adequate documentation to all our nationals, and help migrants ' +
          'obtain the documents they need to access services and regular status.',
      ],
      [
        'We commit to',
        'give priority to non-custodial alternatives to immigration detention and to work towards ' +
          'ending the detention of children on account of their migration status.',
      ],
      [
        'We call upon',
        'States to counter hate speech and discrimination against migrants, including in the media and ' +
          'online, in full respect of freedom of expression.',
      ],
      [
        'We commit to',
        'promote the social and economic inclusion of migrants and social cohesion in host communities, ' +
          'including through language courses, access to financial services and the recognition of ' +
          'skills.',
      ],
      [
        'We commit to',
        'cooperate in facilitating safe and dignified return and readmission, as well as sustainable ' +
          'reintegration, in full respect of international human rights law and the principle of ' +
          'non-refoulement.',
      ],
      [
        'We will',
        'strengthen consular protection, assistance and cooperation throughout the migration cycle, ' +
          'including for nationals caught in crises abroad.',
      ],
    ],
  },
  {
    heading: 'Means of implementation',
    paras: [
      [
        'We recognize',
        'that implementing the Global Compact requires adequate and predictable resources, and that ' +
          'many developing countries lack the capacity to implement it in full.',
      ],
      [
        'We call upon',
        'Member States and other stakeholders in a position to do so to contribute to the Migration ' +
          'Multi-Partner Trust Fund, so that it is adequately capitalized and its resources are balanced ' +
          'across regions and objectives.',
      ],
      [
        'We encourage',
        'the inclusion of migration in development cooperation strategies and in national budgets, in ' +
          'line with national priorities.',
      ],
      [
        'We request',
        'the United Nations Network on Migration to continue supporting Member States, with particular ' +
          'attention to least developed countries, landlocked developing countries and small island ' +
          'developing States.',
      ],
      [
        'We invite',
        'international financial institutions and the private sector to support innovative financing ' +
          'for programmes that benefit both migrants and host communities.',
      ],
      [
        'We commit to',
        'strengthen the capacity of national statistical offices to collect and use migration data, ' +
          'including through South-South and triangular cooperation.',
      ],
      [
        'We commit to',
        'make remittances faster, safer and cheaper, including by fostering the digital and financial ' +
          'inclusion of migrants and their families.',
      ],
      [
        'We encourage',
        'Member States to develop, on a voluntary basis, national implementation plans that are ' +
          'whole-of-government and whole-of-society in scope.',
      ],
    ],
  },
  {
    heading: 'Follow-up and review',
    paras: [
      [
        'We request the Secretary-General',
        'to continue to report to the General Assembly every two years on the implementation of the ' +
          'Global Compact and on the related activities of the United Nations system.',
      ],
      [
        'We request the Secretary-General',
        'to propose, in consultation with Member States, a limited set of indicators that draw on ' +
          'existing frameworks and help States review their progress.',
      ],
      [
        'We decide',
        'that the next International Migration Review Forum will be held under the auspices of the ' +
          'General Assembly and will take the present declaration as its point of departure.',
      ],
      [
        'We encourage',
        'Member States to conduct regular, voluntary and inclusive national reviews and to share them ' +
          'with the regional reviews and with the Forum.',
      ],
      [
        'We invite',
        'the regional economic commissions and other relevant regional bodies, in cooperation with the ' +
          'Network, to continue convening regional reviews between Forums.',
      ],
      [
        'We recognize',
        'the Global Forum on Migration and Development as a space for informal dialogue and ' +
          'partnership, and invite it to present its findings to the next Forum.',
      ],
      [
        'We commit to',
        'ensure the meaningful participation of migrants, civil society and other relevant stakeholders ' +
          'in the follow-up and review of the Global Compact at all levels.',
      ],
      [
        'We request the President of the General Assembly',
        'to convene an informal multi-stakeholder hearing ahead of the next Forum to inform the ' +
          'preparations of Member States.',
      ],
    ],
  },
];

const pid = (prefix: 'pp' | 'op', n: number): string => `${prefix}${String(n).padStart(2, '0')}`;

const paragraph = (type: 'preambular' | 'operative', id: string, [opening, rest]: Para) => ({
  type,
  attrs: { pid: id },
  content: [
    { type: 'text', marks: [{ type: 'em' }], text: opening },
    { type: 'text', text: ` ${rest}` },
  ],
});

/** The zero draft as ProseMirror JSON for `shared/schema.ts`; a fresh object on every call. */
export function zeroDraftJson(): { type: 'doc'; content: unknown[] } {
  const content: unknown[] = [{ type: 'title', content: [{ type: 'text', text: FULL_TITLE }] }];
  PREAMBLE.forEach((para, i) => {
    content.push(paragraph('preambular', pid('pp', i + 1), para));
  });
  let op = 0;
  for (const section of SECTIONS) {
    content.push({ type: 'section', content: [{ type: 'text', text: section.heading }] });
    for (const para of section.paras) {
      op += 1;
      content.push(paragraph('operative', pid('op', op), para));
    }
  }
  return { type: 'doc', content };
}
