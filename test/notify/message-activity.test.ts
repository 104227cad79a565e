import { messageActivity } from '../../src/notify/message-activity';

describe('messageActivity', () => {
  const card = { type: 'AdaptiveCard', version: '1.5', body: [] };

  it('carries a card as one Adaptive Card attachment, with its text and summary', () => {
    const activity = messageActivity({ card, text: 'Here are your actions', summary: '2 actions' });
    expect(activity).toMatchObject({
      type: 'message',
      text: 'Here are your actions',
      summary: '2 actions',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    expect(activity.attachments).toHaveLength(1);
  });

  it('sends text alone as a plain message with no attachments', () => {
    const activity = messageActivity({ text: 'Hello' });
    expect(activity).toEqual({ type: 'message', text: 'Hello' });
  });

  it('leaves out what the message does not say', () => {
    const activity = messageActivity({ card });
    expect(activity).not.toHaveProperty('text');
    expect(activity).not.toHaveProperty('summary');
  });
});
