import { accuracy, judge, loadQuestionContext, loadQuestions } from '../support/question-set';

describe('questions.csv: questions as chairs and officers write them', () => {
  const context = loadQuestionContext();
  const questions = loadQuestions();
  const verdicts = questions.map((q) => judge(q, context));

  it('has at least 200 labelled questions, a quarter of them held out', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.split === 'holdout').length).toBeGreaterThanOrEqual(50);
  });

  it('reads at least 95% of intents and 90% of slot sets right', () => {
    const all = accuracy(verdicts);
    expect(all.intent).toBeGreaterThanOrEqual(0.95);
    expect(all.slots).toBeGreaterThanOrEqual(0.9);
  });

  it('does as well on the questions held out while the grammar was written', () => {
    const held = accuracy(verdicts.filter((v) => v.question.split === 'holdout'));
    expect(held.intent).toBeGreaterThanOrEqual(0.95);
    expect(held.slots).toBeGreaterThanOrEqual(0.9);
  });
});
