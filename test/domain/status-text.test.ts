import type { Status } from '../../src/domain/status';
import { statusFromProgressNote, statusFromText } from '../../src/domain/status-text';

describe('statusFromText', () => {
  it.each<[string, Status]>([
    // Done.
    ['Complete', 'complete'],
    ['Completed', 'complete'],
    ['COMPLETED', 'complete'],
    ['Complete.', 'complete'],
    ['  complete  ', 'complete'],
    ['Done', 'complete'],
    ['Achieved', 'complete'],
    ['Closed', 'complete'],
    ['Implemented', 'complete'],
    ['Fully implemented', 'complete'],
    ['Blue', 'complete'],
    ['B', 'complete'],
    ['Completed March 2021', 'complete'],
    ['Complete - see note', 'complete'],
    ['Closed – not agreed', 'complete'],
    // Not agreed by the executive: never chased, so closed.
    ['Not agreed', 'complete'],
    ['Not Accepted', 'complete'],
    ['Rejected', 'complete'],
    ['Declined', 'complete'],
    // Moving.
    ['On track', 'on-track'],
    ['On-track', 'on-track'],
    ['on target', 'on-track'],
    ['Green', 'on-track'],
    ['G', 'on-track'],
    ['g', 'on-track'],
    ['In progress', 'on-track'],
    ['Ongoing', 'on-track'],
    ['On-going', 'on-track'],
    ['Underway', 'on-track'],
    ['Agreed', 'on-track'],
    ['Accepted', 'on-track'],
    ['Partially agreed', 'on-track'],
    ['Agreed in part', 'on-track'],
    ['Agreed - to be implemented by March 2024', 'on-track'],
    ['Green - on track', 'on-track'],
    // Wobbling.
    ['At risk', 'at-risk'],
    ['Amber', 'at-risk'],
    ['A', 'at-risk'],
    ['Some slippage', 'at-risk'],
    ['Amber/Green', 'at-risk'],
    ['Amber (some slippage)', 'at-risk'],
    // In trouble.
    ['Off track', 'off-track'],
    ['Off-track', 'off-track'],
    ['Not on track', 'off-track'],
    ['Red', 'off-track'],
    ['R', 'off-track'],
    ['Delayed', 'off-track'],
    ['Overdue', 'off-track'],
    ['Behind', 'off-track'],
    ['Behind schedule', 'off-track'],
    ['Late', 'off-track'],
    ['Red/Amber', 'off-track'],
    ['Amber-Red', 'off-track'],
    ['Delayed – awaiting funding', 'off-track'],
    // Waiting.
    ['Not started', 'not-started'],
    ['Not yet started', 'not-started'],
    ['Pending', 'not-started'],
    ['Yet to start', 'not-started'],
  ])('%j → %s', (text, status) => {
    expect(statusFromText(text)).toBe(status);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['   '],
    ['-'],
    ['Unknown'],
    ['See above'],
    ['Not complete'],
    ['Incomplete'],
    ['A review is under way'],
    ['Late March 2024'],
    ['Greenhouse'],
    ['Redacted'],
  ])('%j is not a status', (text) => {
    expect(statusFromText(text)).toBeNull();
  });
});

describe('statusFromProgressNote', () => {
  it.each<[string, Status]>([
    ['Done', 'complete'],
    ['done.', 'complete'],
    ['All done', 'complete'],
    ['Completed', 'complete'],
    ['Completed last week', 'complete'],
    ['The report is complete', 'complete'],
    ['Finished on Tuesday', 'complete'],
    ['Work finished, no concerns', 'complete'],
    ['This has now been implemented', 'complete'],
    ['Changes to the policy implemented', 'complete'],
    ['Completed on track', 'complete'],
    ['Delayed', 'off-track'],
    ['Slipped to June because of staffing', 'off-track'],
    ['We are behind by two weeks', 'off-track'],
    ['Running late, sorry', 'off-track'],
    ['Not on track', 'off-track'],
    ['It is not on track any more', 'off-track'],
    ['On track but delayed by a week', 'off-track'],
    ['At risk', 'at-risk'],
    ['Some concern about funding', 'at-risk'],
    ['I am concerned about capacity', 'at-risk'],
    ['Worried we will miss the date', 'at-risk'],
    ['At risk of delay', 'at-risk'],
    ['There may be a delay', 'at-risk'],
    ['On track but some concerns about budget', 'at-risk'],
    ['On track', 'on-track'],
    ['on-track', 'on-track'],
    ['On track, no concerns', 'on-track'],
    ['Progressing well', 'on-track'],
    ['Earlier delays have been resolved, now on track', 'on-track'],
    ['Going well; no delays expected', 'on-track'],
  ])('%j → %s', (text, status) => {
    expect(statusFromProgressNote(text)).toBe(status);
  });

  it.each([
    [''],
    ['Meeting with the team next week'],
    ['Not done yet'],
    ['Not yet done'],
    ['Not quite finished'],
    ["It isn't finished"],
    ['It isn’t finished'],
    ['Will be done by Friday'],
    ['To be completed in March'],
    ['Nearly finished'],
    ['Almost complete'],
    ['Need to complete the survey'],
    ['Complete by end of June'],
    ['Done some work on the draft'],
    ['Incomplete'],
    ['Unfinished'],
    ['No concerns'],
    ['No real concerns'],
    ['Nothing to be concerned about'],
    ['Not worried'],
    ['Not delayed'],
    ["Hasn't slipped"],
    ['No delays'],
    ['Not behind'],
    ['Not at risk'],
    ['Done, though delayed at first'],
    ['Phase 1 complete, phase 2 delayed'],
  ])('%j gives no status', (text) => {
    expect(statusFromProgressNote(text)).toBeNull();
  });
});
