/** Shortened words councils use in place of the full ones. */
export const SHORT_FORMS: Record<string, string[]> = {
  communications: ['comms', 'coms', 'comm'],
  communication: ['comms', 'coms'],
  democratic: ['dem', 'dems'],
  information: ['info'],
  technology: ['tech'],
  environment: ['enviro'],
  environmental: ['enviro'],
  children: ['childrens', 'kids'],
  procurement: ['procure', 'purchasing'],
  recycling: ['recycle'],
  development: ['dev'],
  management: ['mgmt'],
  government: ['govt'],
  governance: ['gov'],
  corporate: ['corp'],
};

/** Each short form with the full word it stands for ("comms" → "communications"). */
export const LONG_FORMS = new Map<string, string>(
  Object.entries(SHORT_FORMS).flatMap(([full, shorts]) => shorts.map((s) => [s, full] as const)),
);
