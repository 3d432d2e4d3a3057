// The nine domains of the Professional Capabilities Framework (BASW, 2018
// refresh). Until the portfolio work seeds frameworks as versioned data, the
// supervision notes record domains by these stable codes.
export const PCF_DOMAINS = [
  { code: "PROFESSIONALISM", number: 1, name: "Professionalism" },
  { code: "VALUES_AND_ETHICS", number: 2, name: "Values and Ethics" },
  { code: "DIVERSITY_AND_EQUALITY", number: 3, name: "Diversity and Equality" },
  { code: "RIGHTS_JUSTICE_ECONOMIC_WELLBEING", number: 4, name: "Rights, Justice and Economic Wellbeing" },
  { code: "KNOWLEDGE", number: 5, name: "Knowledge" },
  { code: "CRITICAL_REFLECTION_AND_ANALYSIS", number: 6, name: "Critical Reflection and Analysis" },
  { code: "SKILLS_AND_INTERVENTIONS", number: 7, name: "Skills and Interventions" },
  { code: "CONTEXTS_AND_ORGANISATIONS", number: 8, name: "Contexts and Organisations" },
  { code: "PROFESSIONAL_LEADERSHIP", number: 9, name: "Professional Leadership" },
] as const;

export type PcfDomainCode = (typeof PCF_DOMAINS)[number]["code"];

export const PCF_DOMAIN_CODES = PCF_DOMAINS.map((domain) => domain.code) as [PcfDomainCode, ...PcfDomainCode[]];

export function pcfDomainName(code: string): string {
  const domain = PCF_DOMAINS.find((candidate) => candidate.code === code);
  return domain ? `${domain.number}. ${domain.name}` : code;
}
