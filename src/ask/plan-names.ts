/** What plan matching knows about a plan: its names and the words of its actions. */
export interface PlanFacts {
  id: string;
  title: string;
  committee: string | null;
  /** Recommendations and proposed actions: where "the social media one" is found. */
  texts: string[];
}

const GENERIC_TAIL =
  /\s*(?:[-–—:]\s*)?(?:(?:an?|the)\s+)?(?:action\s+plan|plan|review|report)\s*$/i;
const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'to', 'a', 'an', 'with', 'at']);

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ')
    .replace(/\b(Ict|Hr|Send|Lga|Cqc|Ofsted|Uk|Nhs|Sen)\b/g, (w) => w.toUpperCase());
}

/**
 * The name people use for a plan in a sentence: "Members' Communications" for "AD HOC SCRUTINY
 * PANEL MEMBERS' COMMUNICATIONS - ACTION PLAN" (the committee and "action plan" dropped, capitals
 * tamed). Falls back to the whole title when that leaves nothing.
 */
export function shortPlanName(plan: Pick<PlanFacts, 'title' | 'committee'>): string {
  let name = plan.title.replace(/\s+/g, ' ').trim();
  if (plan.committee) {
    const committee = plan.committee.replace(/\s+/g, ' ').trim();
    if (name.toLowerCase().startsWith(committee.toLowerCase())) {
      name = name.slice(committee.length).replace(/^[\s\-–—:,]+/, '');
    }
  }
  // A committee named at the start of the title without being recorded as the plan's own.
  const prefix = /^(?:[\w'’-]+\s+){0,4}?(?:panel|committee|board|cabinet)\s+(?=\S)/i.exec(name);
  if (!plan.committee && prefix && name.length > prefix[0].length + 3) {
    name = name.slice(prefix[0].length);
  }
  name = name.replace(GENERIC_TAIL, '').replace(GENERIC_TAIL, '').trim();
  if (name === '') name = plan.title.trim();
  const shouting = name === name.toUpperCase() && /[A-Z]{3}/.test(name);
  return shouting ? titleCase(name) : name;
}

/** "the Members' Communications plan": how an answer names a plan. */
export function planInWords(plan: Pick<PlanFacts, 'title' | 'committee'>): string {
  return `the ${shortPlanName(plan)} plan`;
}
