import * as chrono from 'chrono-node';
import { percentile, round } from './bench-stats';
import {
  accuracy,
  judge,
  loadQuestionContext,
  loadQuestions,
  type Verdict,
} from '../test/support/question-set';

// Reads every question of test/fixtures/questions.csv as the bot would, against the plans and
// people of questions-context.json, and compares the reading with its label. A question's slots
// count as right only when every slot is (nothing missing, nothing extra).
//
// Time: each question is read REPEATS times and its fastest reading kept, so other work on a
// shared machine does not count against the parser; the baseline is chrono-node alone reading
// the same questions the same way, in the same run.

const REPEATS = 5;

function fastest(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < REPEATS; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

function confusion(verdicts: Verdict[]): string {
  const labels = [...new Set(verdicts.flatMap((v) => [v.question.intent, v.intent]))].sort();
  const width = Math.max(...labels.map((l) => l.length), 8);
  const head = ['expected \\ got'.padEnd(width), ...labels.map((l) => l.slice(0, 6).padStart(6))];
  const lines = [head.join(' ')];
  for (const expected of labels) {
    const row = labels.map((got) =>
      String(
        verdicts.filter((v) => v.question.intent === expected && v.intent === got).length || '.',
      ).padStart(6),
    );
    lines.push([expected.padEnd(width), ...row].join(' '));
  }
  return lines.join('\n');
}

function main(): void {
  const context = loadQuestionContext();
  const questions = loadQuestions();
  // A first pass warms the regular expressions and the fuzzy indexes, as a running bot has.
  for (const q of questions) judge(q, context);
  const verdicts = questions.map((q) => judge(q, context));
  const all = accuracy(verdicts);
  const tune = accuracy(verdicts.filter((v) => v.question.split === 'tune'));
  const held = verdicts.filter((v) => v.question.split === 'holdout');
  const holdout = accuracy(held);
  const times = questions.map((q) => fastest(() => judge(q, context)));
  const baseline = questions.map((q) =>
    fastest(() => chrono.en.GB.parse(q.question, { instant: context.now })),
  );
  console.log(
    `Questions: ${verdicts.length} (${held.length} held out while the grammar was tuned)`,
  );
  console.log(
    `Intent accuracy: ${round(all.intent * 100, 1)}% (tuned ${round(tune.intent * 100, 1)}%, held out ${round(holdout.intent * 100, 1)}%)`,
  );
  console.log(
    `Slot accuracy:   ${round(all.slots * 100, 1)}% (tuned ${round(tune.slots * 100, 1)}%, held out ${round(holdout.slots * 100, 1)}%)`,
  );
  console.log(
    `Time per question: median ${round(percentile(times, 50), 3)} ms, p99 ${round(percentile(times, 99), 3)} ms ` +
      `(chrono-node alone: median ${round(percentile(baseline, 50), 3)} ms, p99 ${round(percentile(baseline, 99), 3)} ms; ` +
      `ratio ${round(percentile(times, 50) / Math.max(percentile(baseline, 50), 1e-6), 1)}×)`,
  );
  console.log('\nConfusion (rows expected, columns understood):');
  console.log(confusion(verdicts));
  const wrong = verdicts.filter((v) => !v.intentRight || !v.slotsRight);
  if (wrong.length > 0) {
    console.log('\nMisread:');
    for (const v of wrong) {
      const intent = v.intentRight ? '' : ` intent ${v.question.intent} → ${v.intent};`;
      console.log(
        `  [${v.question.split}] "${v.question.question}":${intent} ${v.wrongSlots.join('; ')}`,
      );
    }
  }
  console.log(
    JSON.stringify({
      bench: 'ask',
      questions: verdicts.length,
      intent_accuracy: round(all.intent, 3),
      slot_accuracy: round(all.slots, 3),
      p99_ms: round(percentile(times, 99), 3),
      baseline_p99_ms: round(percentile(baseline, 99), 3),
      holdout_questions: held.length,
      holdout_intent_accuracy: round(holdout.intent, 3),
      holdout_slot_accuracy: round(holdout.slots, 3),
    }),
  );
}

main();
